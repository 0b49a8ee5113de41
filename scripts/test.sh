#!/usr/bin/env bash
# The test command of the README: installs what the tests need on a fresh Debian machine (the
# browser suite's playwright-core comes from npm on first run), then runs every test. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
command -v catdoc >/dev/null 2>&1 || need+=(catdoc)
command -v antiword >/dev/null 2>&1 || need+=(antiword)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]}: tests that need them will say so and fail" >&2
  fi
fi

# The Python libraries whose text of PDF, DOCX and HTML files the tests read (pdfminer comes
# with pdfplumber; html2text is the crawlers' HTML-to-Markdown), and ReportLab, which writes
# PDFs as many Python programs do.
if command -v python3 >/dev/null && ! python3 -c 'import pdfplumber, pymupdf, docx, reportlab, html2text' 2>/dev/null; then
  echo "installing: pdfplumber pymupdf python-docx reportlab html2text (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore pdfplumber pymupdf python-docx reportlab html2text \
    || echo "could not install pdfplumber, pymupdf, python-docx, reportlab and html2text: tests that need them will say so and fail" >&2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
cargo test --workspace --locked "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One line with the totals of every test binary (cargo prints one result line per binary).
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
