"""Producing, previewing and printing the PDF documents."""
