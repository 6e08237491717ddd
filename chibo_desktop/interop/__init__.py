"""Files in and out: Excel import/export and printed forms. Takes and returns domain objects
and plain rows; never queries the database."""
