"""The dashboard: progress against the plan and the targets, in matplotlib charts inside the window."""
