"""The one exception graphbuild raises for bad input: the CLI prints it as a single line."""


class GraphbuildError(Exception):
    """A problem with the user's input or environment, explained in one line."""


class Unreadable(GraphbuildError):
    """A file whose text cannot be had (an encrypted PDF, a corrupt DOCX): a warning naming it, even when
    it was named on the command line, and the build goes on with the others."""


class Note(str):
    """A message for the warning channel that reports, without anything being wrong ("3,788 records read
    from ..."): the CLI prints it without "warning:"."""


class OptionError(GraphbuildError):
    """A bad value for a named parameter: the API names the parameter ("min_weight must be ..."), the CLI
    its flag ("--min-weight must be ...")."""

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter} {problem}")
        self.parameter, self.problem = parameter, problem


class TooLarge(GraphbuildError):
    """An answer over a size limit (rows or bytes): the client should ask for less."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a build; the message says what was kept (a KeyboardInterrupt still)."""


def unknown_model(model: str) -> GraphbuildError:
    """The one line for a spaCy pipeline that is not installed (said by the cache key and by the loader)."""
    return GraphbuildError(f"cannot load the spaCy pipeline {model!r}: install it as a package (pip install ...)")
