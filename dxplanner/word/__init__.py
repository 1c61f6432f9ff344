"""Word documents: the official progress report (python-docx), and its PDF through LibreOffice."""
