"""A PDF's text as the Python tools that journalists and report checkers use give it.

python3 pdf_text.py FORM FILE.pdf prints the text to standard output. FORM is one of
pdfplumber, pdfplumber-layout, pdfminer, pymupdf, pymupdf-sort, pymupdf-blocks.
"""
import sys


def text(form, path):
    if form.startswith("pdfplumber"):
        import pdfplumber

        layout = form == "pdfplumber-layout"
        with pdfplumber.open(path) as pdf:
            return "\n".join(p.extract_text(layout=layout) or "" for p in pdf.pages)
    if form == "pdfminer":
        from pdfminer.high_level import extract_text

        return extract_text(path)
    import pymupdf

    doc = pymupdf.open(path)
    if form == "pymupdf-blocks":
        return "\n".join(b[4] for page in doc for b in page.get_text("blocks"))
    return "".join(page.get_text(sort=form == "pymupdf-sort") for page in doc)


if __name__ == "__main__":
    sys.stdout.write(text(sys.argv[1], sys.argv[2]))
