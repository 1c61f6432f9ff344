"""The use cases both front ends call: named reads, commands and whole jobs, free of Qt and of SQL."""
