"""The use cases: every change a user can make, each one transaction returning what changed."""
