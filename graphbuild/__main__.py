"""``python -m graphbuild``: the same as the ``graphbuild`` command."""

from .cli import main

main()
