"""The package's layout: README's tree names every file of the package, each stage imports only the
stages above it, and no source file outside templates/ is over 400 lines."""

import ast
import re
from importlib.util import resolve_name
from pathlib import Path

import graphbuild

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(graphbuild.__file__).parent

#: The stages, top first: a module may import its own stage and those before it, never one after it.
ORDER = [
    {"errors", "options", "atomic", "bounded"},
    {"lang"},
    {"names", "records"},
    {"ingest"},
    {"nlp"},
    {"parse"},
    {"resolve"},
    {"relate"},
    {"graph"},
    {"rdf"},
    {"formats"},
    {"sparql"},
    {"report", "pipeline"},
    {"api"},
    {"cli", "__main__", "__init__"},
]


def readme_tree() -> dict[str, set[str]]:
    """README's "Layout of the code" block: folder (relative to the repository) -> the names it lists."""
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"## Layout of the code\n.*?```\n(.*?)```", text, re.DOTALL)
    assert block, "README has no layout tree"
    tree: dict[str, set[str]] = {}
    for line in block.group(1).splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if line.startswith("  ") and not words[0].endswith("/"):
            folder, names = "graphbuild", words  # a line of top-level modules
        elif words[0] == "graphbuild/":
            continue
        else:
            folder = words[0].rstrip("/")
            folder = folder if folder.startswith("devtools") else f"graphbuild/{folder}"
            names = words[1:]
        tree.setdefault(folder, set()).update(names)
    return tree


def listed_files(tree: dict[str, set[str]]) -> set[str]:
    """The files the tree names: "x" is x.py, "named/*.rq" and "NN-*.js" stand for the files they match."""
    found = set()
    for folder, names in tree.items():
        for name in names:
            if "*" in name:
                pattern = name.replace("NN", "[0-9][0-9]")
                matched = [p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob(pattern)]
                assert matched, f"{folder}/{name} matches no file"
                found.update(matched)
            else:
                found.add(f"{folder}/{name}" if "." in name else f"{folder}/{name}.py")
    return found


def package_files() -> set[str]:
    files = set()
    for base in (PACKAGE, ROOT / "devtools"):
        for path in base.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                files.add(path.relative_to(ROOT).as_posix())
    return files


def test_readme_tree_names_exactly_the_package_files():
    listed, actual = listed_files(readme_tree()), package_files()
    assert sorted(actual - listed) == [], "files the README's tree does not name"
    assert sorted(listed - actual) == [], "names in the README's tree with no file"


def test_every_stage_folder_is_in_the_tree():
    folders = {p.relative_to(ROOT).as_posix() for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    folders.discard("graphbuild/templates")
    assert folders <= set(readme_tree())


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def level(stage: str) -> int:
    return next(i for i, stages in enumerate(ORDER) if stage in stages)


def test_each_stage_imports_only_the_stages_above_it():
    backwards = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = module.removesuffix(".__init__") if path.name == "__init__.py" else module.rpartition(".")[0]
        module = package if path.name == "__init__.py" else module
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and node.level:
                target = resolve_name("." * node.level + (node.module or ""), package)
                targets = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
                for t in targets:
                    if level(stage_of(t)) > level(stage_of(module)):
                        backwards.append(f"{module} imports {t}")
    assert backwards == []


def test_no_subpackage_or_module_shadows_a_public_function():
    """Commit 63bb292: a submodule named like a public function replaces it on import."""
    names = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    assert not names & set(graphbuild.__all__)


def test_no_source_file_outside_templates_is_over_400_lines():
    long = {}
    for path in [*PACKAGE.rglob("*.py"), *(ROOT / "devtools").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]:
        lines = path.read_text("utf-8").count("\n")
        if lines > 400:
            long[path.relative_to(ROOT).as_posix()] = lines
    assert long == {}
