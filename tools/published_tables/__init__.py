"""The published tables under tests/data/excel/published: copied cells and a careful reading of each row."""
