"""Reading and writing the Excel tables agencies exchange (openpyxl only; no Qt, no database)."""
