//! DOCX files: the body's paragraphs and tables, read straight from `word/document.xml`.
//! Merged cells arrive as Word stores them: a cell spanning columns once (`w:gridSpan`), a cell
//! spanning rows as an empty continuation cell in each following row (`w:vMerge`).

use std::io::{Cursor, Read};

use super::ParseError;
use super::doc::Doc;
use super::docx_body::parse_xml;

/// Refuses a document.xml that inflates past this (a zip bomb, not a report).
const MAX_XML: u64 = 64 * 1024 * 1024;

pub fn read(bytes: &[u8]) -> Result<Doc<'static>, ParseError> {
    read_zip(&mut open(bytes)?)
}

/// The ZIP container of a DOCX (and of the other formats that share it).
pub(super) fn open(bytes: &[u8]) -> Result<super::Zip<'_>, ParseError> {
    zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ParseError::Docx(format!("不是有效的 DOCX（ZIP）文件：{e}")))
}

/// Reads a DOCX from its opened container.
pub(super) fn read_zip(zip: &mut super::Zip<'_>) -> Result<Doc<'static>, ParseError> {
    let xml = document_xml(zip)?;
    parse_xml(&xml)
}

fn document_xml(zip: &mut super::Zip<'_>) -> Result<String, ParseError> {
    let bad = |why: String| ParseError::Docx(why);
    if zip.index_for_name("word/document.xml").is_none() {
        return Err(bad(not_a_document(zip).into()));
    }
    let file = zip
        .by_name("word/document.xml")
        .map_err(|_| bad("DOCX 中没有 word/document.xml".into()))?;
    let mut xml = String::new();
    file.take(MAX_XML + 1)
        .read_to_string(&mut xml)
        .map_err(|e| bad(format!("word/document.xml 无法读取：{e}")))?;
    if xml.len() as u64 > MAX_XML {
        return Err(bad("word/document.xml 过大".into()));
    }
    Ok(xml)
}

/// What a ZIP file without a Word body is, as far as its parts tell: other office files share
/// the container, and a clerk needs to know which program to save it from.
fn not_a_document(zip: &mut super::Zip<'_>) -> &'static str {
    let mut mimetype = String::new();
    if let Ok(f) = zip.by_name("mimetype") {
        let _ = f.take(256).read_to_string(&mut mimetype);
    }
    if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        "这是 OpenDocument 文本（.odt），请用 WPS、Word 或 LibreOffice 另存为 DOCX 或 PDF 后再检查"
    } else if zip.by_name("xl/workbook.xml").is_ok() || mimetype.contains("spreadsheet") {
        "这是电子表格（.xlsx/.ods），不是年度报告文档"
    } else if zip.by_name("ppt/presentation.xml").is_ok() || mimetype.contains("presentation") {
        "这是演示文稿（.pptx/.odp），不是年度报告文档"
    } else {
        "ZIP 文件中没有 word/document.xml，不是 DOCX 文档"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Block;
    use crate::parse::zip_of;

    #[test]
    fn tables_and_paragraphs() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>结果</w:t></w:r></w:p><w:p><w:r><w:t>维持</w:t></w:r></w:p></w:tc>
            <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1&amp;2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#;
        let doc = parse_xml(xml).expect("parses");
        assert_eq!(
            doc.blocks().collect::<Vec<_>>(),
            vec![
                Block::Para("一、总体情况"),
                Block::Row(&["结果维持".into(), "".into(), "1&2".into()]),
                Block::TableEnd
            ]
        );
    }

    #[test]
    fn other_office_files_are_named() {
        let cases = [
            (
                zip_of(&[("mimetype", "application/vnd.oasis.opendocument.text")]),
                "OpenDocument",
            ),
            (zip_of(&[("xl/workbook.xml", "<workbook/>")]), "电子表格"),
            (zip_of(&[("ppt/presentation.xml", "<p/>")]), "演示文稿"),
            (zip_of(&[("readme.txt", "hello")]), "不是 DOCX"),
        ];
        for (bytes, says) in cases {
            match read(&bytes) {
                Err(ParseError::Docx(m)) => assert!(m.contains(says), "{m}"),
                other => panic!("{says}: {:?}", other.map(|_| ())),
            }
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(read(b"PK\x03\x04not really a zip").is_err());
        assert!(parse_xml("<w:p><w:t>unclosed</w:p>").is_err());
    }
}
