"""Entry point of the bundled program (PyInstaller): the window, as `chibo-desktop`."""

import sys

from chibo_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
