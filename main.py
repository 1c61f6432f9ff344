"""`python main.py` starts dxplanner, the same as the `dxplanner` command."""

import sys

from dxplanner.app import run

if __name__ == "__main__":
    sys.exit(run())
