"""Word (.docx) renderings of the printed documents."""
