"""The import rule of docs/ARCHITECTURE.md: domain <- storage <- services <- gui/cli; interop
and rules use only domain and are called by services."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "chibo_desktop"
FILE_LIBRARIES = {"sqlite3", "sqlite_utils", "openpyxl", "reportlab", "docx", "python_calamine"}


def imports(path: Path) -> set[str]:
    """Absolute module names imported by a file (relative imports resolved)."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                found.add(module)
                found.update(f"{module}.{a.name}" for a in node.names)
            else:
                found.add(node.module)
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


def test_layers_import_only_what_is_beneath_them():
    offenders = []
    for name, allowed in ALLOWED.items():
        for path in files(name):
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
