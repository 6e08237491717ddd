"""All SQL lives here: opening and upgrading the file, one repository module per aggregate."""
