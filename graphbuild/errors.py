"""The one exception graphbuild raises for bad input: the CLI prints it as a single line."""


class GraphbuildError(Exception):
    """A problem with the user's input or environment, explained in one line."""
