"""Qt models: the pages' tables and lists, over what the services return."""
