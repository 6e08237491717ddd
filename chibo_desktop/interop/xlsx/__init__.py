"""Writing Excel workbooks (openpyxl): styled sheets, the HD 36 header, one module per export."""
