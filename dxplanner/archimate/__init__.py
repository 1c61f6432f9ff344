"""The estate in and out of the ArchiMate 3.1 Open Exchange File Format (Archi and other tools)."""
