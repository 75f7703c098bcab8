"""SCR Reflect: an offline tool for a school's Designated Safeguarding Lead."""

import logging

__version__ = "0.1.0"
APP_NAME = "SCR Reflect"

# Log lines reach only a handler the window sets up. Without one, Python would print
# warnings on stderr, where the command line says what went wrong in a line of its own.
logging.getLogger(__name__).addHandler(logging.NullHandler())
