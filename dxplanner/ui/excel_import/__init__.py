"""Importing an Excel plan table: reading it off the GUI thread, the preview, and the import itself."""
