"""Plan files: opening, migrating, transactions, and the operations the UI and CLI call."""
