"""An HTML report set in a PDF by ReportLab, the PDF library of many Python programs: its text
in ReportLab's built-in Chinese font STSong-Light, which the PDF names but does not carry, in
Adobe's predefined UniGB-UCS2-H encoding. Our own script, for tests.

python3 html_to_pdf_reportlab.py IN.html OUT.pdf

Paragraphs become ReportLab paragraphs, tables ReportLab tables with their merged cells; the
cells are set in 8-point type so that table 三 fits on a page (a merged cell cannot break).
"""
import sys
from html.parser import HTMLParser

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK")
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10, wordWrap="CJK")
BLOCKS = ("p", "h1", "h2", "h3")


class Page(HTMLParser):
    """The page's paragraphs and tables in order: ("p", text) or ("t", rows of (text, span))."""

    def __init__(self):
        super().__init__()
        self.flow, self.text, self.table, self.row, self.cell, self.skip = [], None, None, None, None, 0
        self.span = (1, 1)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("style", "script", "title"):
            self.skip += 1
        elif tag == "table":
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.span = (int(attrs.get("colspan", 1)), int(attrs.get("rowspan", 1)))
        elif tag in BLOCKS and self.table is None:
            self.text = []

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self.skip -= 1
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(("".join(self.cell).strip(), self.span))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self.flow.append(("t", self.table))
            self.table = None
        elif tag in BLOCKS and self.text is not None:
            text = "".join(self.text).strip()
            if text:
                self.flow.append(("p", text))
            self.text = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.text is not None:
            self.text.append(data)


def grid(rows):
    """The rows as a full grid, each merged cell's place left empty, and ReportLab's SPANs."""
    taken, out, spans = set(), [], []
    for r, row in enumerate(rows):
        line, c = [], 0
        for text, (cols, rowspan) in row:
            while (r, c) in taken:
                line.append("")
                c += 1
            line.append(Paragraph(text, CELL) if text else "")
            for dr in range(rowspan):
                for dc in range(cols):
                    if dr or dc:
                        taken.add((r + dr, c + dc))
            if cols > 1 or rowspan > 1:
                spans.append(("SPAN", (c, r), (c + cols - 1, r + rowspan - 1)))
            line.extend([""] * (cols - 1))
            c += cols
        while (r, c) in taken:
            line.append("")
            c += 1
        out.append(line)
    width = max(len(line) for line in out)
    return [line + [""] * (width - len(line)) for line in out], spans


def main(src, dst):
    page = Page()
    page.feed(open(src, encoding="utf-8").read())
    story = []
    usable = A4[0] - 110
    for kind, item in page.flow:
        if kind == "p":
            story.append(Paragraph(item, BODY))
            continue
        data, spans = grid(item)
        n = len(data[0])
        # Table 三's three label columns wide, its seven figures narrow.
        widths = [45, 45, 130] + [(usable - 220) / 7] * 7 if n == 10 else [usable / n] * n
        table = Table(data, colWidths=widths)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        table.setStyle(TableStyle(style + spans))
        story += [table, Spacer(1, 8)]
    SimpleDocTemplate(dst, pagesize=A4).build(story)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
