"""Bringing pupils in from the school's MIS: the column mapping and the preview."""
