"""dxplanner: digital-transformation strategies and action plans for state agencies."""

import os

__version__ = "0.1.0"

# openpyxl writes through lxml whenever lxml happens to be installed, and then writes text with
# control characters differently and reports a full disk as lxml's own error: dxplanner's
# workbooks are made the same way whatever else is installed beside it (set before any import
# of openpyxl, which reads it once; a user's own setting is kept).
os.environ.setdefault("OPENPYXL_LXML", "False")
