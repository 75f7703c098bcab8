"""PDF documents built with reportlab from plain report data (report_data.py); never a
session, never the database."""
