"""`python -m dxplanner` starts dxplanner."""

import sys

from dxplanner.app import run

sys.exit(run())
