"""Keeping the records safe: the audit trail, backups, retention, locks and the clipboard."""
