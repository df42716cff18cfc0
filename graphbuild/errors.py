"""The one exception graphbuild raises for bad input: the CLI prints it as a single line."""


class GraphbuildError(Exception):
    """A problem with the user's input or environment, explained in one line."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a build; the message says what was kept (a KeyboardInterrupt still)."""
