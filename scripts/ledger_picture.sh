#!/bin/sh
# Regenerate docs/ledger.png: the sample's task ledger as LibreOffice Calc prints it (its first page).
# Needs govreport on PATH, LibreOffice Calc (Debian: libreoffice-calc-nogui) and pdftoppm (poppler-utils).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
govreport tasks "$root/samples/hongshan_2019.txt" -o "$work/tasks.xlsx"
(cd "$work" && soffice --headless --convert-to pdf tasks.xlsx >/dev/null)
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$work/tasks.pdf" "$work/ledger"
mkdir -p "$root/docs"
cp "$work/ledger.png" "$root/docs/ledger.png"
echo "wrote $root/docs/ledger.png"
