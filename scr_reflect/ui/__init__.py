"""The PySide6 window. Only this package (and app.py) imports Qt."""
