"""A realistic demo cell, built through the same services the secretary uses."""
