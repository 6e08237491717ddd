"""Keeping the file safe: backups and restore, the password and its keys, the working session."""
