"""Printed forms, one module per form, on the party layout in layout.py written by document.py."""
