"""Run the game (or a sub-command) with ``python -m mnist_arcade``; same as ``mnist-arcade``."""

from mnist_arcade.cli import main

raise SystemExit(main())
