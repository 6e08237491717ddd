"""Printed forms, one module per form, on the shared layout in common.py."""
