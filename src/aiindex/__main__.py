"""``python -m aiindex``: the command line."""

import sys

from aiindex._cli import main

sys.exit(main())
