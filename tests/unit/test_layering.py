"""The rules of docs/ARCHITECTURE.md: domain <- storage <- services <- gui/cli; interop and
rules use only domain and are called by services; no import cycle, no SQL outside storage,
services grouped by capability, and the GUI's chores done one way."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "chibo_desktop"
FILE_LIBRARIES = {"sqlite3", "sqlite_utils", "openpyxl", "reportlab", "docx", "python_calamine"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path) -> set[str]:
    """Absolute module names imported by a file (relative imports resolved), wherever the
    import stands: at the top or inside a function. ``from package import module`` counts
    as importing the module, not the package's own code."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            names = [f"{module}.{alias.name}" for alias in node.names]
            found.update(names)
            if not all(is_module(name) for name in names):
                found.add(module)
    return found


def files(subpackage: str = "") -> list[Path]:
    return sorted((PACKAGE / subpackage).rglob("*.py"))


def layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def test_only_gui_imports_pyside6():
    offenders = [
        str(p)
        for p in files()
        if layer(p) != "gui" and any(m.split(".")[0] == "PySide6" for m in imports(p))
    ]
    assert offenders == []


def test_gui_never_touches_storage_or_file_libraries():
    offenders = []
    for path in files("gui"):
        for module in imports(path):
            if module.split(".")[0] in FILE_LIBRARIES or module.startswith(
                ("chibo_desktop.storage", "chibo_desktop.interop")
            ):
                offenders.append(f"{path.name}: {module}")
    assert offenders == []


_TEXTS = ("argparse_texts",)  # the command line's and Qt's own messages in Vietnamese
ALLOWED = {
    # The package's own top-level modules: errors and messages, paths, the user's settings.
    "errors": {"i18n"},
    "argparse_texts": {"i18n"},
    "paths": set(),
    "i18n": {"paths"},
    "config": {"paths"},
    "app_setup": {"i18n", "config", "paths"},
    "domain": {"domain", "errors", "i18n"},
    "storage": {"domain", "storage", "errors", "i18n", "paths"},
    "interop": {"domain", "interop", "errors", "i18n", "paths"},
    "rules": {"domain", "rules", "errors", "i18n", "paths"},
    "services": {
        "domain",
        "storage",
        "interop",
        "rules",
        "services",
        "errors",
        "i18n",
        "paths",
        "config",
    },
    # The two front ends reach rules, storage and files only through services.
    "gui": {"gui", "services", "domain", "errors", "i18n", "paths", "config", "app_setup", *_TEXTS},
    "cli": {"cli", "services", "domain", "errors", "i18n", "paths", "config", "app_setup", *_TEXTS},
}


def layer_files(name: str) -> list[Path]:
    single = PACKAGE / f"{name}.py"
    return [single] if single.is_file() else files(name)


def test_every_module_belongs_to_a_layer():
    known = set(ALLOWED) | {"__init__", "__main__"}
    assert {layer(p) or p.stem for p in files()} <= known


def test_layers_import_only_what_is_beneath_them():
    offenders = []
    for name, allowed in ALLOWED.items():
        for path in layer_files(name):
            for module in imports(path):
                parts = module.split(".")
                if (
                    parts[0] == "chibo_desktop"
                    and len(parts) > 1
                    and parts[1] not in allowed
                    and parts[1] not in {"__init__", "APP_NAME", "APP_ID", "__version__"}
                ):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {module}")
    assert offenders == []


def test_domain_does_no_io():
    forbidden = FILE_LIBRARIES | {"os", "pathlib", "PySide6", "socket", "tomllib"}
    offenders = [
        f"{p.name}: {m}"
        for p in files("domain")
        for m in imports(p)
        if m.split(".")[0] in forbidden
    ]
    assert offenders == []


def test_no_import_cycles():
    """Not even one broken by an import inside a function: two modules that need each
    other are one module, or share a third."""
    modules = {module_name(p): p for p in files()}
    graph = {
        name: {m for m in imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }
    cycles, on_path, done = [], [], set()

    def visit(name: str) -> None:
        if name in on_path:
            cycles.append(" -> ".join([*on_path[on_path.index(name) :], name]))
            return
        if name in done:
            return
        on_path.append(name)
        for target in sorted(graph[name]):
            visit(target)
        on_path.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    assert cycles == []


def test_services_are_grouped_by_capability():
    services = PACKAGE / "services"
    loose = [p.name for p in services.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    for init in services.glob("*/__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init


def test_module_names_say_what_they_do():
    vague = [
        str(p.relative_to(PACKAGE))
        for p in files()
        if p.stem.startswith("common") or p.stem.endswith(("_fast", "_quick"))
    ]
    assert vague == []


SQL_CALLS = {"execute", "executemany", "executescript", "query"}


def test_sql_only_in_storage():
    offenders = []
    for path in files():
        if layer(path) == "storage":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


# Table models that keep their own index (sorting and searching thousands of members in
# place; the campaign grid refreshed in place so scroll and selection stay) rather than
# the shared model over a list of rows.
OWN_TABLE_MODELS = {"MembersModel", "MatrixModel"}


def test_gui_chores_are_done_one_way():
    """Table models share widgets.table_model; yes/no questions are widgets.questions'."""
    own_models, own_questions = [], []
    for path in files("gui"):
        if path.parent.name == "widgets":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name not in OWN_TABLE_MODELS:
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if "QAbstractTableModel" in bases:
                    own_models.append(node.name)
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"Yes", "Save"}
                and isinstance(node.value, ast.Attribute)
                and getattr(node.value.value, "id", "") == "QMessageBox"
            ):
                own_questions.append(f"{path.name}:{node.lineno}")
    assert own_models == []
    assert own_questions == []
