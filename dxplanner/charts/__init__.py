"""matplotlib Figure builders for the dashboard and chart files: plain data in, a Figure out (no pyplot)."""
