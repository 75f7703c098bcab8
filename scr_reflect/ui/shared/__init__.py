"""Widgets, models and helpers every screen uses; they know no screen themselves."""
