"""Loaders for the versioned rule data in resources/rules/ (TOML, read with tomllib)."""
