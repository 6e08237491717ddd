#!/usr/bin/env bash
# Build the one-folder program: dist/ChiBoDesktop/ (ChiBoDesktop.exe on Windows).
#
#   scripts/build.sh        (PYTHON=/path/to/python to choose the interpreter)
#
# Needs the build extra: pip install ".[build]"
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}

# Compiled catalogs are build output (not committed): make them from the .po files.
"$PY" -m babel.messages.frontend compile -d i18n -D chibo --statistics
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN build.spec

size=$(du -sm dist/ChiBoDesktop | cut -f1)
echo "Built dist/ChiBoDesktop (${size} MB)"
