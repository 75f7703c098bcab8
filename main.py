"""Run SCR Reflect from a checkout: `python main.py [--data-dir DIR]`."""

import sys

from scr_reflect.launch import main

if __name__ == "__main__":
    sys.exit(main())
