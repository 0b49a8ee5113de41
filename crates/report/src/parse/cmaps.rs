//! PDFs whose Chinese text is set in a font the file does not carry, named with one of Adobe's
//! predefined Unicode CMaps (`/Encoding /UniGB-UCS2-H`): what ReportLab writes with its built-in
//! `STSong-Light`, and older office tools with a system font left out. The extractor reads only
//! `Identity-H` and embedded CMaps, and gives up on the whole file. In these CMaps a character's
//! code is its Unicode value, so the font is rewritten before extraction as the same codes under
//! `Identity-H`, with a ToUnicode map that gives each code as itself, and its widths (kept by CID,
//! where CIDs 1–95 are ASCII's printable characters in every Adobe CJK collection) by code.

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Adobe's predefined CMaps whose codes are UCS-2 (or UTF-16, of which the basic plane).
const UNICODE_CMAPS: [&[u8]; 16] = [
    b"UniGB-UCS2-H",
    b"UniGB-UCS2-V",
    b"UniGB-UTF16-H",
    b"UniGB-UTF16-V",
    b"UniCNS-UCS2-H",
    b"UniCNS-UCS2-V",
    b"UniCNS-UTF16-H",
    b"UniCNS-UTF16-V",
    b"UniJIS-UCS2-H",
    b"UniJIS-UCS2-V",
    b"UniJIS-UTF16-H",
    b"UniJIS-UTF16-V",
    b"UniKS-UCS2-H",
    b"UniKS-UCS2-V",
    b"UniKS-UTF16-H",
    b"UniKS-UTF16-V",
];

/// CIDs 1 to 95 are ASCII's space and `!` … `~` in the Adobe CJK collections.
const ASCII_CIDS: usize = 95;

/// Rewrites every font in a predefined Unicode CMap as one the extractor reads; true when any
/// was.
pub fn unify(doc: &mut Document) -> bool {
    let fonts: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(in_unicode_cmap))
        .map(|(id, _)| *id)
        .collect();
    if fonts.is_empty() {
        return false;
    }
    let identity = doc.add_object(Stream::new(Dictionary::new(), identity_cmap()));
    for id in fonts {
        let vertical = doc
            .get_object(id)
            .and_then(Object::as_dict)
            .and_then(|font| font.get(b"Encoding"))
            .and_then(Object::as_name)
            .is_ok_and(|n| n.ends_with(b"-V"));
        let encoding = if vertical { "Identity-V" } else { "Identity-H" };
        refont(doc, id, Object::Name(encoding.into()), identity);
    }
    true
}

/// Gives font `id` the `encoding`, the `to_unicode` map where it has none of its own, and its
/// descendant CID font's ASCII widths by code ([`ascii_widths`]).
pub(super) fn refont(doc: &mut Document, id: ObjectId, encoding: Object, to_unicode: ObjectId) {
    let mut descendant = None;
    if let Ok(font) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
        font.set("Encoding", encoding);
        if font.get(b"ToUnicode").is_err() {
            font.set("ToUnicode", Object::Reference(to_unicode));
        }
        descendant = font
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|d| d.as_reference().ok());
    }
    if let Some(cid_font) = descendant.and_then(|d| doc.get_object_mut(d).ok())
        && let Ok(cid_font) = cid_font.as_dict_mut()
    {
        let widths = cid_font.get(b"W").ok().map(ascii_widths);
        if let Some(widths) = widths {
            cid_font.set("W", widths);
        }
    }
}

fn in_unicode_cmap(font: &Dictionary) -> bool {
    font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice())
        && font
            .get(b"Encoding")
            .and_then(Object::as_name)
            .is_ok_and(|n| UNICODE_CMAPS.contains(&n))
}

/// A ToUnicode CMap that gives every two-byte code outside the surrogates as itself.
fn identity_cmap() -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let highs: Vec<u32> = (0..=0xffu32)
        .filter(|h| !(0xd8..=0xdf).contains(h))
        .collect();
    // At most a hundred ranges a block, as the CMap format allows.
    for block in highs.chunks(100) {
        s.push_str(&format!("{} beginbfrange\n", block.len()));
        for h in block {
            s.push_str(&format!("<{h:02X}00> <{h:02X}FF> <{h:02X}00>\n"));
        }
        s.push_str("endbfrange\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

/// A CID font's widths (`W`) for its ASCII CIDs, given by their codes in a Unicode CMap
/// (CID 1 is the space, code 0x20); the rest take the default width.
pub(super) fn ascii_widths(w: &Object) -> Object {
    // Slot k holds the width of CID k + 1.
    let mut widths: Vec<Option<Object>> = vec![None; ASCII_CIDS];
    let mut put = |cid: i64, width: &Object| {
        if let Some(slot) = usize::try_from(cid - 1)
            .ok()
            .and_then(|k| widths.get_mut(k))
        {
            *slot = Some(width.clone());
        }
    };
    let items = w.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut i = 0;
    while let Some(first) = items.get(i).and_then(|o| o.as_i64().ok()) {
        match items.get(i + 1) {
            // `c [w1 w2 …]`: widths of c, c+1, …
            Some(Object::Array(list)) => {
                for (k, width) in (first..).zip(list.iter().take(ASCII_CIDS)) {
                    put(k, width);
                }
                i += 2;
            }
            // `c_first c_last w`: one width for the range.
            Some(last) => {
                let (Ok(last), Some(width)) = (last.as_i64(), items.get(i + 2)) else {
                    break;
                };
                for k in first.max(1)..=last.min(ASCII_CIDS as i64) {
                    put(k, width);
                }
                i += 3;
            }
            None => break,
        }
    }
    // Runs of known widths from code 0x20 on; a gap takes the default width.
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut start = 0;
    for (k, width) in widths.into_iter().enumerate() {
        let code = k as i64 + 0x20;
        match width {
            Some(width) => {
                if run.is_empty() {
                    start = code;
                }
                run.push(width);
            }
            None if !run.is_empty() => {
                out.extend([
                    Object::Integer(start),
                    Object::Array(std::mem::take(&mut run)),
                ]);
            }
            None => {}
        }
    }
    if !run.is_empty() {
        out.extend([Object::Integer(start), Object::Array(run)]);
    }
    Object::Array(out)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use pdf_extract::dictionary;

    #[test]
    fn ascii_widths_move_from_cids_to_codes() {
        let w = Object::Array(vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(207), Object::Integer(270)]),
            Object::Integer(17),
            Object::Integer(26),
            Object::Integer(462),
            // Past ASCII: left to the default width.
            Object::Integer(814),
            Object::Array(vec![Object::Integer(500)]),
        ]);
        let Object::Array(out) = ascii_widths(&w) else {
            panic!("not an array");
        };
        // Space and `!` at 0x20, 0x21; the digits (CIDs 17–26) at 0x30–0x39.
        assert_eq!(out.len(), 4);
        assert_eq!(out[0], Object::Integer(0x20));
        assert_eq!(out[2], Object::Integer(0x30));
        assert_eq!(out[3].as_array().map(Vec::len).ok(), Some(10));
    }

    /// A one-page PDF as ReportLab writes one: its text in the built-in `STSong-Light`, not
    /// embedded, in `UniGB-UCS2-H` (two bytes a character, its Unicode value).
    fn unembedded_pdf(text: &str) -> Vec<u8> {
        let ucs2 = |line: &str| line.encode_utf16().map(|u| format!("{u:04X}")).collect();
        unembedded_pdf_in("UniGB-UCS2-H", text, ucs2)
    }

    /// The same in any predefined CMap, `codes` giving each line's codes in hex; a page a
    /// line every 20 points, as many pages as the lines need.
    pub(in crate::parse) fn unembedded_pdf_in(
        encoding: &str,
        text: &str,
        codes: impl Fn(&str) -> String,
    ) -> Vec<u8> {
        let mut doc = Document::with_version("1.4");
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor", "FontName" => "STSong-Light", "Flags" => 6,
            "Ascent" => 752, "Descent" => -271, "CapHeight" => 737, "ItalicAngle" => 0,
            "StemV" => 58, "FontBBox" => vec![(-25).into(), (-254).into(), 1000.into(), 880.into()],
        });
        let digits = (0..10).map(|_| Object::Integer(462)).collect::<Vec<_>>();
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "STSong-Light",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"), "Supplement" => 2,
            },
            "FontDescriptor" => descriptor, "DW" => 1000,
            "W" => vec![1.into(), vec![207.into()].into(), 17.into(), digits.into()],
        });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0",
            "BaseFont" => Object::Name(format!("STSong-Light-{encoding}").into_bytes()),
            "Encoding" => Object::Name(encoding.as_bytes().to_vec()),
            "DescendantFonts" => vec![cid_font.into()],
        });
        let pages = doc.new_object_id();
        let lines: Vec<&str> = text.lines().collect();
        let mut kids: Vec<Object> = Vec::new();
        for chunk in lines.chunks(36) {
            let mut content = Vec::new();
            for (i, line) in chunk.iter().enumerate() {
                let y = 780 - 20 * i;
                let codes = codes(line);
                content.extend(format!("BT /F1 10.5 Tf 50 {y} Td <{codes}> Tj ET\n").into_bytes());
            }
            let content = doc.add_object(Stream::new(Dictionary::new(), content));
            let page = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages, "Contents" => content,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                "Resources" => dictionary! {
                    "Font" => dictionary! { "F1" => font },
                },
            });
            kids.push(page.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages,
            dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => count,
            }
            .into(),
        );
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => pages,
        });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap_or_default();
        bytes
    }

    #[test]
    fn text_in_an_unembedded_font_of_a_unicode_cmap_is_read() {
        let pdf = unembedded_pdf("二〇二五年政府信息公开工作年度报告\n行政许可 1024 件");
        let text = crate::parse::pdf::text(&pdf).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            text.contains("二〇二五年政府信息公开工作年度报告"),
            "{text}"
        );
        // The digits keep their own widths: one figure, not ten digits spread apart.
        assert!(text.contains("1024"), "{text}");
    }

    #[test]
    fn the_identity_map_spans_the_basic_plane_but_surrogates() {
        let cmap = String::from_utf8(identity_cmap()).unwrap_or_default();
        assert!(cmap.contains("<4E00> <4EFF> <4E00>"));
        assert!(!cmap.contains("<D800>"));
        assert_eq!(cmap.matches("beginbfrange").count(), 3);
    }
}
