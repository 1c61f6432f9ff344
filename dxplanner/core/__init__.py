"""The domain in pure Python: models, enumerations, rules and errors (no Qt, no I/O)."""
