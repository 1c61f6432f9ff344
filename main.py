"""`python main.py` starts dxplanner, the same as the `dxplanner` command."""

import sys

from dxplanner.app import main

if __name__ == "__main__":
    sys.exit(main())
