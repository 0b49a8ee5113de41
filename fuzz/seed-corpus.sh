#!/usr/bin/env bash
# Seeds every fuzz target's corpus with real reports and generated ones in every layout.
set -euo pipefail
cd "$(dirname "$0")/.."
for t in parse_any parse_text parse_html parse_doc parse_docx parse_pdf parse_ofd_page set_out_glyphs json_check_render archive; do mkdir -p "fuzz/corpus/$t"; done
cp crates/report/tests/fixtures/seeds/* fuzz/corpus/parse_text/
cp crates/report/tests/fixtures/seeds/* crates/report/tests/fixtures/examples/*.html fuzz/corpus/parse_any/
cp crates/report/tests/fixtures/examples/*.html fuzz/corpus/parse_html/
for seed in 1 2 3 4 5 6; do
  for layout in docx-text pdf-text pdftotext-layout pdf-extract-text office-text browser-copy web-text markdown; do
    cargo run -q -p corpus --example dump -- "$seed" "$layout" > "fuzz/corpus/parse_text/$layout-$seed.txt"
  done
  cargo run -q -p corpus --example dump -- "$seed" html > "fuzz/corpus/parse_html/gen-$seed.html"
  cargo run -q -p corpus --example dump -- "$seed" docx > "fuzz/corpus/parse_docx/gen-$seed.docx"
  cp "fuzz/corpus/parse_docx/gen-$seed.docx" "fuzz/corpus/parse_any/"
  cargo run -q -p gongkai -- check --json "fuzz/corpus/parse_text/docx-text-$seed.txt" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["report"]))' > "fuzz/corpus/json_check_render/r-$seed.json" || true
done
# Archives: seeds and generated reports zipped, one nested, names in UTF-8 and GB18030.
python3 - <<'PY'
import io, zipfile
def zipped(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files:
            z.writestr(name, body)
    return out.getvalue()
seeds = [open(f"crates/report/tests/fixtures/seeds/{n}", "rb").read() for n in ("000_9f1a2ad731567797.txt", "004_65a7a6ab8d8d0b4d.txt")]
inner = zipped([("内/a.txt", seeds[0])])
open("fuzz/corpus/archive/seeds.zip", "wb").write(zipped([("甲/000.txt", seeds[0]), ("乙/004.txt", seeds[1]), ("__MACOSX/._x", b"x")]))
open("fuzz/corpus/archive/nested.zip", "wb").write(zipped([("更多.zip", inner), ("说明.txt", "请查收".encode())]))
# Python writes a non-ASCII name in UTF-8: the GB18030 bytes of a Windows archiver go in after.
plain = zipped([("XXXX.txt", seeds[1])])
open("fuzz/corpus/archive/gbk-name.zip", "wb").write(plain.replace(b"XXXX.txt", "报告.txt".encode("gb18030")))
PY
if command -v soffice >/dev/null; then
  (cd fuzz/corpus/parse_docx && HOME=/tmp soffice --headless --norestore --convert-to pdf --outdir ../parse_pdf gen-1.docx gen-2.docx >/dev/null 2>&1) || true
  (cd fuzz/corpus/parse_docx && HOME=/tmp soffice --headless --norestore --convert-to doc --outdir ../parse_doc gen-1.docx gen-2.docx >/dev/null 2>&1) || true
  cp fuzz/corpus/parse_pdf/*.pdf fuzz/corpus/parse_any/ 2>/dev/null || true
  # OFD pages, from those PDFs by our converter script (needs PyMuPDF, which scripts/test.sh installs).
  if python3 -c 'import pymupdf' 2>/dev/null; then
    for n in 1 2; do
      python3 crates/corpus/tests/pdf_to_ofd.py "fuzz/corpus/parse_pdf/gen-$n.pdf" "fuzz/corpus/parse_any/gen-$n.ofd" || continue
      python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("Doc_0/Pages/Page_1/Content.xml"))' \
        "fuzz/corpus/parse_any/gen-$n.ofd" > "fuzz/corpus/parse_ofd_page/gen-$n.xml" || true
    done
  fi
fi
