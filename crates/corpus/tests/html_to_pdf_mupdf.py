"""An HTML page printed to PDF by MuPDF's own layout engine (PyMuPDF's Story), a PDF producer
unlike LibreOffice and Chrome. Our own script, for tests.

python3 html_to_pdf_mupdf.py IN.html OUT.pdf

MuPDF lays out tables with merged cells its own way and may leave rows out of the PDF, or
never finish laying out a wide table (the output then stops at 40 pages); the test asks only
that nothing is read wrong.
"""
import sys

import pymupdf


def main(src, dst):
    story = pymupdf.Story(
        html=open(src, encoding="utf-8").read(),
        user_css="* { font-family: sans-serif; } body { font-size: 10pt; }",
        archive=pymupdf.Archive("/usr/share/fonts/opentype/noto"),
    )
    writer = pymupdf.DocumentWriter(dst)
    page = pymupdf.paper_rect("a4")
    # MuPDF can fail to fit a wide table on any page and ask for pages without end: a report
    # has far fewer than 40, and what was laid out by then is written.
    more, pages = True, 0
    while more and pages < 40:
        pages += 1
        device = writer.begin_page(page)
        more, _ = story.place(page + (36, 36, -36, -36))
        story.draw(device)
        writer.end_page()
    writer.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
