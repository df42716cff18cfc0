"""The one exception graphbuild raises for bad input: the CLI prints it as a single line."""


class GraphbuildError(Exception):
    """A problem with the user's input or environment, explained in one line."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a build; the message says what was kept (a KeyboardInterrupt still)."""


def unknown_model(model: str) -> GraphbuildError:
    """The one line for a spaCy pipeline that is not installed (said by the cache key and by the loader)."""
    return GraphbuildError(f"cannot load the spaCy pipeline {model!r}: install it as a package (pip install ...)")
