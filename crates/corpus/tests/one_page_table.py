"""Makes each DOCX given a copy (`NAME.docx` -> `NAME-1p.docx`) whose table 三 stands on one
page: its cells in 8-point type, its 总计 row bold, section 三 starting a page."""
import sys

import docx
from docx.shared import Pt

for name in sys.argv[1:]:
    d = docx.Document(name)
    for table in d.tables:
        for row in table.rows:
            total = "总计" in row.cells[0].text or "（七）" in "".join(c.text for c in row.cells)
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(8)
                        run.bold = run.bold or total
    for p in d.paragraphs:
        if p.text.startswith("三、收到和处理政府信息公开申请情况"):
            p.paragraph_format.page_break_before = True
    d.save(name.replace(".docx", "-1p.docx"))
