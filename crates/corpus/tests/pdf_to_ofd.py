"""A PDF turned into an OFD file (GB/T 33190) the way converters do it: every run of text
becomes a TextObject with each glyph's place, on pages of the PDF's size. Our own script, for
tests: it makes OFD files whose glyphs stand where a real layout engine (LibreOffice's) put them.

python3 pdf_to_ofd.py IN.pdf OUT.ofd [IN.pdf OUT.ofd]...

Half of the text objects are written at size 1 and scaled by a CTM, with their glyph advances
compressed (`g 3 4.2`), as some converters write them; the others carry the size and plain
advances. Coordinates are millimetres, y downwards, as OFD has them.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

import pymupdf

MM = 25.4 / 72


def deltas(xs, compress, scale):
    gaps = [round((b - a) * MM / scale, 4) for a, b in zip(xs, xs[1:])]
    if not compress:
        return " ".join(str(g) for g in gaps)
    out, i = [], 0
    while i < len(gaps):
        j = i
        while j < len(gaps) and gaps[j] == gaps[i]:
            j += 1
        out.append(f"g {j - i} {gaps[i]}" if j - i > 1 else str(gaps[i]))
        i = j
    return " ".join(out)


def page_xml(page):
    objects, oid = [], 100
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                chars = [c for c in span["chars"] if c["c"].strip()]
                if not chars:
                    continue
                oid += 1
                x0, y0 = chars[0]["origin"]
                size = span["size"] * MM
                xs = [c["origin"][0] for c in chars]
                text = escape("".join(c["c"] for c in chars))
                left, top = round(x0 * MM - 1, 3), round(y0 * MM - size, 3)
                boundary = f"{left} {top} {round((xs[-1] - x0) * MM + size + 2, 3)} {round(size * 1.5, 3)}"
                scaled = oid % 2 == 0
                # Glyphs at size 1 are scaled by the CTM: their positions are divided by the size.
                dx = deltas(xs, compress=scaled, scale=size if scaled else 1)
                if scaled:
                    attrs = f'Size="1" CTM="{round(size, 4)} 0 0 {round(size, 4)} 0 0"'
                    x, y = round(1 / size, 4), 1
                else:
                    attrs = f'Size="{round(size, 3)}"'
                    x, y = 1, round(size, 3)
                delta = f' DeltaX="{dx}"' if dx else ""
                objects.append(
                    f'<ofd:TextObject ID="{oid}" Boundary="{boundary}" Font="3" {attrs}>'
                    f'<ofd:FillColor Value="0 0 0"/>'
                    f'<ofd:TextCode X="{x}" Y="{y}"{delta}>{text}</ofd:TextCode></ofd:TextObject>'
                )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content>'
        '<ofd:Layer ID="2" Type="Body"><ofd:PageBlock ID="3">'
        + "".join(objects)
        + "</ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>"
    )


def main(src, dst):
    doc = pymupdf.open(src)
    w, h = doc[0].rect.width * MM, doc[0].rect.height * MM
    pages = "".join(
        f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(doc))
    )
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "OFD.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        z.writestr(
            "Doc_0/Document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>'
            f"<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {w:.3f} {h:.3f}</ofd:PhysicalBox></ofd:PageArea>"
            "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{pages}</ofd:Pages></ofd:Document>",
        )
        z.writestr(
            "Doc_0/PublicRes.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
        )
        for i, page in enumerate(doc):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", page_xml(page))


if __name__ == "__main__":
    for src, dst in zip(sys.argv[1::2], sys.argv[2::2]):
        main(src, dst)
