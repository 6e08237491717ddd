"""The reports sent upward: the catalogue, and the figures and layout of each report."""
