"""The estate map page: the layered picture of systems, platforms, data sharing and services."""
