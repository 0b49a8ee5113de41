"""A DOCX's text as a python-docx script commonly dumps it: every paragraph, then every table.

python3 docx_text.py FILE.docx prints the text to standard output: the paragraphs one a line,
then each table's rows, cells joined by tabs (a merged cell's text repeated in every grid cell it
spans, as python-docx gives it), a blank line after each table.
"""
import sys

import docx


def text(path):
    doc = docx.Document(path)
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
        lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(text(sys.argv[1]))
