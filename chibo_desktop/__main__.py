"""`python -m chibo_desktop`: the command line (the same as `chibo`)."""

import sys

from .cli import main

sys.exit(main())
