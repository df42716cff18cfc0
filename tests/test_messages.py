"""Every message is one line of plain text (issue 25, case 8): a file name with escape sequences (a title
change, a cleared screen) or a line break (a forged "Error:" line) reaches the terminal escaped."""

import pytest

from conftest import graphbuild

pytestmark = pytest.mark.processes

HOSTILE_NAMES = [
    "title\x1b]0;pwned\x07.txt",
    "clear\x1b[2J\x1b[H.txt",
    "line\nError: forged.txt",
    "rtl\u202etxt.exe.txt",
]


def test_warnings_and_errors_show_control_characters_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Angela Merkel met Barack Obama in Paris.\n")
    for name in HOSTILE_NAMES:
        (folder / name).write_bytes(b"\x00\x01binary")  # skipped, with a warning naming the file
    run = graphbuild("build", str(folder), "-o", str(tmp_path / "out"), "-q")
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == len(HOSTILE_NAMES) and all(line.startswith("warning: skipped ") for line in lines)
    assert not any(c in run.stderr for c in "\x1b\x07\u202e")
    assert "\\x1b]0;pwned\\x07" in run.stderr and "line\\nError: forged" in run.stderr and "\\u202e" in run.stderr
    run = graphbuild("query", str(folder / HOSTILE_NAMES[2]), "SELECT * WHERE { ?s ?p ?o }")
    assert run.returncode == 1 and len(run.stderr.splitlines()) == 1 and "\x1b" not in run.stderr
