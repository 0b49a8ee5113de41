//! OFD files (GB/T 33190, the fixed-layout format many government documents are published
//! in): a ZIP of XML in which every run of text stands at its place on the page. The glyphs
//! are set out on lines of text as `pdftotext -layout` sets out a PDF's, a column per half
//! em, and that text is read like any PDF's.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ParseError;
use super::glyphs::Glyph;

/// Refuses a package whose parts inflate past this together (a zip bomb, not a report).
const MAX_XML: u64 = 64 * 1024 * 1024;
/// Refuses documents with more pages than any annual report has.
const MAX_PAGES: usize = 500;
/// Refuses pages with more glyphs than a page of text can hold.
const MAX_GLYPHS: usize = 200_000;

use super::Zip;

/// True when a ZIP file is an OFD document (it has an `OFD.xml` entry file).
pub fn is_ofd(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| holds_ofd(&z))
}

/// True when an opened ZIP container holds an OFD document.
pub(super) fn holds_ofd(zip: &Zip<'_>) -> bool {
    zip.index_for_name("OFD.xml").is_some()
}

fn bad(why: impl Into<String>) -> ParseError {
    ParseError::Ofd(why.into())
}

/// The text of every page, pages parted by form feeds.
pub fn text(bytes: &[u8]) -> Result<String, ParseError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("不是有效的 OFD（ZIP）文件：{e}")))?;
    text_zip(&mut zip)
}

/// [`text`] of an opened container.
pub(super) fn text_zip(zip: &mut Zip<'_>) -> Result<String, ParseError> {
    super::glyphs::pages_text(pages_zip(zip)?, super::glyphs::lay_out)
        .ok_or_else(|| bad("页面文字过多"))
}

/// Every page's glyphs, in the document's order.
pub(super) fn pages_zip(zip: &mut Zip<'_>) -> Result<Vec<Vec<Glyph>>, ParseError> {
    let mut budget = MAX_XML;
    let entry = part(zip, "OFD.xml", &mut budget)?;
    let root = first_text(&entry, b"DocRoot")?
        .ok_or_else(|| bad("OFD.xml 中没有 DocRoot（文档根节点）"))?;
    let root = root.trim().trim_start_matches('/').to_string();
    let document = part(zip, &root, &mut budget)?;
    let base = root.rsplit_once('/').map_or("", |(dir, _)| dir);
    let pages = page_locations(&document)?;
    if pages.len() > MAX_PAGES {
        return Err(bad(format!("页数过多（{} 页）", pages.len())));
    }
    pages
        .iter()
        .map(|loc| glyphs(&part(zip, &resolve(base, loc), &mut budget)?))
        .collect()
}

/// A path in the package: absolute (`/Doc_0/…`) or relative to the document's folder.
fn resolve(base: &str, loc: &str) -> String {
    let loc = loc.trim();
    match loc.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None if base.is_empty() => loc.to_string(),
        None => format!("{base}/{loc}"),
    }
}

/// A part's text, counted against what the package may inflate to in all (`budget`).
fn part(zip: &mut Zip<'_>, name: &str, budget: &mut u64) -> Result<String, ParseError> {
    let file = zip
        .by_name(name)
        .map_err(|_| bad(format!("OFD 中缺少 {name}")))?;
    let mut xml = String::new();
    file.take(*budget + 1)
        .read_to_string(&mut xml)
        .map_err(|e| bad(format!("{name} 无法读取：{e}")))?;
    *budget = budget
        .checked_sub(xml.len() as u64)
        .ok_or_else(|| bad("OFD 文件解压后过大"))?;
    Ok(xml)
}

fn xml_error(e: impl std::fmt::Display, reader: &Reader<&[u8]>) -> ParseError {
    bad(format!(
        "XML 格式错误（位置 {}）：{e}",
        reader.buffer_position()
    ))
}

/// The text of the first element named `name` (local name, any namespace).
fn first_text(xml: &str, name: &[u8]) -> Result<Option<String>, ParseError> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut out = String::new();
    loop {
        match reader.read_event().map_err(|e| xml_error(e, &reader))? {
            Event::Start(e) if e.local_name().as_ref() == name => inside = true,
            Event::End(e) if e.local_name().as_ref() == name => return Ok(Some(out)),
            Event::Text(t) if inside => {
                out.push_str(&t.decode().map_err(|e| xml_error(e, &reader))?);
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// Where each page's content lies, in page order (`<ofd:Page BaseLoc="Pages/Page_0/Content.xml"/>`).
fn page_locations(document: &str) -> Result<Vec<String>, ParseError> {
    let mut reader = Reader::from_str(document);
    let mut pages = Vec::new();
    loop {
        match reader.read_event().map_err(|e| xml_error(e, &reader))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Page" => {
                if let Some(loc) = attr(&e, b"BaseLoc") {
                    pages.push(loc);
                }
            }
            Event::Eof => return Ok(pages),
            _ => {}
        }
    }
}

/// Numbers separated by spaces (`"12.5 3 0 0"`); what does not read as a number is skipped.
fn numbers(s: &str) -> Vec<f64> {
    s.split_ascii_whitespace()
        .filter_map(|t| t.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

/// A `DeltaX` list unfolded: `g 3 4.2` stands for three advances of 4.2.
fn advances(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut tokens = s.split_ascii_whitespace();
    while let Some(t) = tokens.next() {
        if t == "g" {
            let count = tokens.next().and_then(|n| n.parse::<usize>().ok());
            let value = tokens.next().and_then(|v| v.parse::<f64>().ok());
            if let (Some(count), Some(value)) = (count, value) {
                out.extend(std::iter::repeat_n(value, count.min(MAX_GLYPHS)));
            }
        } else if let Ok(v) = t.parse::<f64>() {
            out.push(v);
        }
        if out.len() > MAX_GLYPHS {
            break;
        }
    }
    out
}

/// A text object's placing: its boundary's origin, its CTM, its font size.
#[derive(Clone, Copy)]
struct Placing {
    origin: (f64, f64),
    ctm: [f64; 6],
    size: f64,
}

impl Placing {
    fn of(e: &BytesStart<'_>) -> Placing {
        let boundary = attr(e, b"Boundary")
            .map(|b| numbers(&b))
            .unwrap_or_default();
        let ctm = attr(e, b"CTM").map(|c| numbers(&c)).unwrap_or_default();
        Placing {
            origin: (
                boundary.first().copied().unwrap_or(0.0),
                boundary.get(1).copied().unwrap_or(0.0),
            ),
            ctm: <[f64; 6]>::try_from(ctm.as_slice()).unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            size: attr(e, b"Size")
                .and_then(|s| s.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .unwrap_or(3.5),
        }
    }

    fn place(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.ctm;
        (
            self.origin.0 + a * x + c * y + e,
            self.origin.1 + b * x + d * y + f,
        )
    }

    /// The printed size: the font size as the CTM scales it.
    fn printed_size(&self) -> f64 {
        let [a, b, c, d, ..] = self.ctm;
        let scale = (a * d - b * c).abs().sqrt();
        if scale.is_finite() && scale > 0.0 {
            self.size * scale
        } else {
            self.size
        }
    }
}

/// A `TextCode`'s start and advances, before its text is known.
struct Code {
    x: f64,
    y: f64,
    advances: Vec<f64>,
    /// `DeltaY`: text set downwards, as in a table's narrow label cell set vertically.
    down: Vec<f64>,
}

/// Every glyph of a page's content.
pub(crate) fn glyphs(xml: &str) -> Result<Vec<Glyph>, ParseError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut placing: Option<Placing> = None;
    let mut code: Option<(Code, String)> = None;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(e, &reader))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"TextObject" => {
                placing = Some(Placing::of(&e));
            }
            Event::End(e) if e.local_name().as_ref() == b"TextObject" => placing = None,
            Event::Start(e) if e.local_name().as_ref() == b"TextCode" => {
                let num = |n: &[u8]| attr(&e, n).and_then(|v| v.trim().parse::<f64>().ok());
                let start = Code {
                    x: num(b"X").filter(|v| v.is_finite()).unwrap_or(0.0),
                    y: num(b"Y").filter(|v| v.is_finite()).unwrap_or(0.0),
                    advances: attr(&e, b"DeltaX")
                        .map(|d| advances(&d))
                        .unwrap_or_default(),
                    down: attr(&e, b"DeltaY")
                        .map(|d| advances(&d))
                        .unwrap_or_default(),
                };
                code = Some((start, String::new()));
            }
            Event::Text(t) => {
                if let Some((_, text)) = code.as_mut() {
                    text.push_str(&t.decode().map_err(|e| xml_error(e, &reader))?);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text)) = code.as_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        text.push(c);
                    } else if let Ok(name) = r.decode()
                        && let Some(s) = quick_xml::escape::resolve_predefined_entity(&name)
                    {
                        text.push_str(s);
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"TextCode" => {
                if let (Some((start, text)), Some(p)) = (code.take(), placing.as_ref()) {
                    lay_out(&start, &text, p, &mut out);
                }
                if out.len() > MAX_GLYPHS {
                    return Err(bad("页面文字过多"));
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// Places a text code's characters: each after the one before by its advances, or, where the
/// file gives none, by a full em for a CJK character and half an em for others (none across
/// for text set downwards).
fn lay_out(code: &Code, text: &str, p: &Placing, out: &mut Vec<Glyph>) {
    let size = p.printed_size();
    let (mut x, mut y) = (code.x, code.y);
    let across = if code.down.is_empty() { 1.0 } else { 0.0 };
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            x += code
                .advances
                .get(i - 1)
                .copied()
                .unwrap_or(across * if c.is_ascii() { p.size / 2.0 } else { p.size });
            y += code.down.get(i - 1).copied().unwrap_or(0.0);
        }
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        let (px, py) = p.place(x, y);
        if px.is_finite() && py.is_finite() {
            out.push(Glyph {
                x: px,
                y: py,
                size,
                c,
            });
        }
    }
}

/// A page's glyphs set out as lines of text ([`super::glyphs::lay_out`]).
pub fn page_text(xml: &str) -> Result<String, ParseError> {
    super::glyphs::lay_out(glyphs(xml)?).ok_or_else(|| bad("页面文字过多"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::zip_of;

    #[test]
    fn advances_unfold() {
        assert_eq!(advances("g 3 4.2 1 2"), vec![4.2, 4.2, 4.2, 1.0, 2.0]);
        assert_eq!(advances(""), Vec::<f64>::new());
        assert_eq!(advances("g x 1 5"), vec![5.0]);
    }

    #[test]
    fn paths_resolve_from_the_document_folder() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(
            resolve("Doc_0", "/Doc_0/Pages/P1.xml"),
            "Doc_0/Pages/P1.xml"
        );
        assert_eq!(resolve("", "Pages/P1.xml"), "Pages/P1.xml");
    }

    #[test]
    fn glyphs_are_set_out_in_lines_and_columns() {
        // A heading, then a table row: a label and two figures far to its right, the second
        // object scaled by its CTM.
        let xml = r#"<ofd:Page xmlns:ofd="x"><ofd:Content><ofd:Layer>
            <ofd:TextObject Boundary="20 30 100 10" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">二、主动</ofd:TextCode></ofd:TextObject>
            <ofd:TextObject Boundary="20 40 30 10" Size="4"><ofd:TextCode X="0" Y="4">规章</ofd:TextCode></ofd:TextObject>
            <ofd:TextObject Boundary="60 40.5 10 10" Size="1" CTM="4 0 0 4 0 0"><ofd:TextCode X="0" Y="1" DeltaX="5">0</ofd:TextCode></ofd:TextObject>
            <ofd:TextObject Boundary="80 40 10 10" Size="4"><ofd:TextCode X="0" Y="4">12</ofd:TextCode></ofd:TextObject>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let text = page_text(xml).expect("page");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert_eq!(lines[0], "二、主动");
        assert_eq!(
            lines[1].split_whitespace().collect::<Vec<_>>(),
            ["规章", "0", "12"],
            "{text}"
        );
        assert!(lines[1].contains("规章   "), "{text}");
    }

    #[test]
    fn broken_packages_say_what_is_missing() {
        let root = "<ofd:OFD><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        let document = r#"<ofd:Document><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#;
        let cases = [
            (zip_of(&[("OFD.xml", "<ofd:OFD/>")]), "DocRoot"),
            (zip_of(&[("OFD.xml", root)]), "Doc_0/Document.xml"),
            (
                zip_of(&[("OFD.xml", root), ("Doc_0/Document.xml", document)]),
                "Doc_0/Pages/Page_0/Content.xml",
            ),
            (
                zip_of(&[
                    ("OFD.xml", root),
                    ("Doc_0/Document.xml", document),
                    ("Doc_0/Pages/Page_0/Content.xml", "<a><b></a>"),
                ]),
                "XML",
            ),
        ];
        for (bytes, says) in cases {
            assert!(is_ofd(&bytes));
            match crate::parse::parse(&bytes) {
                Err(ParseError::Ofd(m)) => assert!(m.contains(says), "{m}"),
                other => panic!("{says}: {:?}", other.map(|p| p.layout)),
            }
        }
        assert!(!is_ofd(&zip_of(&[("word/document.xml", "<w:document/>")])));
        // A scan: pages of pictures, no text.
        let scan = zip_of(&[
            ("OFD.xml", root),
            ("Doc_0/Document.xml", document),
            (
                "Doc_0/Pages/Page_0/Content.xml",
                r#"<ofd:Page><ofd:Content><ofd:Layer><ofd:ImageObject ID="5" ResourceID="9" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/></ofd:Layer></ofd:Content></ofd:Page>"#,
            ),
        ]);
        match crate::parse::parse(&scan) {
            Err(ParseError::Ofd(m)) => assert!(m.contains("扫描件"), "{m}"),
            other => panic!("scan: {:?}", other.map(|p| p.layout)),
        }
    }

    #[test]
    fn text_set_downwards_is_a_character_a_line() {
        let xml = r#"<ofd:Page><ofd:Content><ofd:Layer>
            <ofd:TextObject Boundary="20 30 5 20" Size="4"><ofd:TextCode X="0" Y="4" DeltaY="g 2 5">办理结</ofd:TextCode></ofd:TextObject>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let text = page_text(xml).expect("page");
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["办", "理", "结"],
            "{text}"
        );
    }

    #[test]
    fn bad_pages_are_errors_not_panics() {
        assert!(page_text("<a><b></a>").is_err());
        assert_eq!(page_text("").ok().as_deref(), Some(""));
        let huge = r#"<TextObject Boundary="1e308 1e308 1 1" CTM="1e308 0 0 1e308 1e308 0" Size="NaN"><TextCode X="1e308" Y="-1e308" DeltaX="g 99999999999 1e308">公开</TextCode></TextObject>"#;
        assert!(page_text(huge).is_ok());
        // Found by fuzzing: a glyph so far right that its column overflowed the count.
        let far = r#"<TextObject Boundary="0 0 1 1" Size="1e-300"><TextCode X="0" Y="0">公</TextCode><TextCode X="1e300" Y="0">开了</TextCode></TextObject>"#;
        assert!(page_text(far).is_ok());
    }
}
