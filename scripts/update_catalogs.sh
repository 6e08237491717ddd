#!/usr/bin/env bash
# Re-extract the messages from the code and bring the vi and en catalogs up to date.
#
#   scripts/update_catalogs.sh            extract, update (creating missing catalogs), report
#   scripts/update_catalogs.sh --compile  the same, then compile .mo files (not committed)
#
# Vietnamese is the source language: the vi catalog repeats each message as its own
# translation; the en catalog is translated by hand (its untranslated and fuzzy entries
# are listed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
PYBABEL=("$PY" -m babel.messages.frontend -q)
VERSION=$("$PY" -c "import chibo_desktop; print(chibo_desktop.__version__)")

"${PYBABEL[@]}" extract -F i18n/babel.cfg -o i18n/chibo.pot \
  --no-default-keywords -k _ -k N_ -k ngettext:1,2 \
  --add-comments=TRANSLATORS: --sort-by-file --width=100 \
  --project="Chi bộ Desktop" --version="$VERSION" --copyright-holder="Chi bộ Desktop" \
  chibo_desktop resources/rules

for lang in vi en; do
  po=i18n/$lang/LC_MESSAGES/chibo.po
  if [ -f "$po" ]; then
    "${PYBABEL[@]}" update -i i18n/chibo.pot -d i18n -D chibo -l "$lang" --width=100 \
      --ignore-obsolete --previous
  else
    "${PYBABEL[@]}" init -i i18n/chibo.pot -d i18n -D chibo -l "$lang" --width=100
  fi
done

"$PY" scripts/catalog_tools.py fill-source i18n/vi/LC_MESSAGES/chibo.po
"$PY" scripts/catalog_tools.py report i18n/en/LC_MESSAGES/chibo.po || true

if [ "${1:-}" = "--compile" ]; then
  "${PYBABEL[@]}" compile -d i18n -D chibo
fi
