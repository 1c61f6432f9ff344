"""`python -m dxplanner` starts dxplanner."""

import sys

from dxplanner.app import main

sys.exit(main())
