"""Chi bộ Desktop: the paperwork desk of a party cell secretary."""

APP_NAME = "Chi bộ Desktop"
APP_ID = "chibo-desktop"
__version__ = "0.1.0"
