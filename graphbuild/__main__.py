"""``python -m graphbuild`` and the ``graphbuild`` command. Ctrl-C even while the CLI is still being
imported is one line and exit status 130, never a traceback."""

import sys


def run() -> None:
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    run()
