"""Developer tools run by hand: data tables made from packages, and the kill -9 proof of the writes."""
