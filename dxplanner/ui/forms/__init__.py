"""Forms for what does not fit a row of the task sheet: strategies, goals, indicators, units, task details."""
