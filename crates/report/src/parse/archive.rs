//! ZIP archives of reports: a supervising office receives its bodies' reports zipped, and a
//! researcher downloads a portal's in one archive. Each file in it is read as a report of its
//! own; the archive itself is none.
//!
//! An archive is told from the other formats that share the container (DOCX, OFD, OpenDocument,
//! spreadsheets) by their marker parts. Every limit that keeps a hostile archive (a ZIP bomb,
//! a million entries) from filling memory is checked before a byte is inflated, and again
//! while inflating, since an entry's declared size can lie.

use std::io::{Cursor, Read};

use super::MAX_INPUT;

/// More files than this are not one body's or one portal's reports.
pub const MAX_ENTRIES: usize = 5_000;
/// The most an archive may inflate to, all entries together.
pub const MAX_TOTAL: u64 = 1 << 30;

/// Parts that make a ZIP file one document of another format, not an archive of files.
const DOCUMENT_PARTS: [&str; 6] = [
    "word/document.xml",
    "OFD.xml",
    "mimetype",
    "[Content_Types].xml",
    "xl/workbook.xml",
    "ppt/presentation.xml",
];

/// One file of an archive: its path inside it, and its bytes or why they could not be read.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// A ZIP file that is a plain archive (not a DOCX, an OFD or another office document).
pub fn is_archive(bytes: &[u8]) -> bool {
    if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
        return false;
    }
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|zip| is_plain(&zip))
}

/// An opened ZIP file holds none of the parts that make it a document.
pub(super) fn is_plain(zip: &super::Zip<'_>) -> bool {
    DOCUMENT_PARTS
        .iter()
        .all(|p| zip.index_for_name(p).is_none())
}

/// The files of an archive in name order, folders and the clutter archivers add left out
/// (`__MACOSX/`, hidden files, `Thumbs.db`). Err when the archive as a whole cannot be read or
/// passes the limits; a file that cannot be read (encrypted, too large, damaged) is an entry
/// with the reason, so the others are still read.
pub fn entries(bytes: &[u8]) -> Result<Vec<Entry>, String> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("ZIP 压缩包无法读取：{e}"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(format!(
            "压缩包内文件过多（{} 个，上限 {MAX_ENTRIES} 个）",
            zip.len()
        ));
    }
    let mut out = Vec::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut file = match zip.by_index(i) {
            Ok(f) => f,
            Err(zip::result::ZipError::UnsupportedArchive(why)) => {
                out.push(Entry {
                    name: format!("第 {} 个文件", i + 1),
                    bytes: Err(format!("无法解压：{why}")),
                });
                continue;
            }
            Err(e) => return Err(format!("ZIP 压缩包已损坏：{e}")),
        };
        let name = entry_name(file.name_raw(), file.name());
        if file.is_dir() || is_clutter(&name) {
            continue;
        }
        let bytes = if file.size() > MAX_INPUT as u64 {
            Err(too_large(file.size()))
        } else {
            let mut buf = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
            match (&mut file).take(MAX_INPUT as u64 + 1).read_to_end(&mut buf) {
                Ok(n) if n > MAX_INPUT => Err(too_large(n as u64)),
                Ok(_) => Ok(buf),
                Err(e) => Err(format!("无法解压：{e}")),
            }
        };
        total += bytes.as_ref().map_or(0, |b| b.len() as u64);
        if total > MAX_TOTAL {
            return Err(format!("压缩包解压后过大（超过 {MAX_TOTAL} 字节）"));
        }
        out.push(Entry { name, bytes });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn too_large(size: u64) -> String {
    format!("文件过大（{size} 字节），年度报告不会超过 {MAX_INPUT} 字节")
}

/// A name as stored: UTF-8 where it is (the flag, or bytes that are valid UTF-8), otherwise
/// GB18030, as the archivers of Chinese Windows write names — the ZIP default, code page 437,
/// would turn `报告.pdf` into box-drawing characters.
fn entry_name(raw: &[u8], decoded: &str) -> String {
    if let Ok(s) = std::str::from_utf8(raw) {
        return s.to_string();
    }
    let (gbk, _, errors) = encoding_rs::GB18030.decode(raw);
    if errors {
        decoded.to_string()
    } else {
        gbk.into_owned()
    }
}

fn is_clutter(name: &str) -> bool {
    name.split('/').any(|part| {
        part.starts_with('.') || part == "__MACOSX" || part.eq_ignore_ascii_case("Thumbs.db")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::zip_of;

    #[test]
    fn an_archive_is_told_from_the_documents_that_share_its_container() {
        assert!(is_archive(&zip_of(&[("a.txt", "x")])));
        for part in DOCUMENT_PARTS {
            assert!(!is_archive(&zip_of(&[(part, "<x/>")])), "{part}");
        }
        assert!(!is_archive(b"PK\x03\x04 not a zip"));
        assert!(!is_archive(b"plain text"));
    }

    #[test]
    fn an_archive_is_no_report_and_says_so() {
        let zip = zip_of(&[("a.txt", "一"), ("b.txt", "二")]);
        let err = crate::parse::parse(&zip).expect_err("no report");
        assert_eq!(err, crate::parse::ParseError::Archive(2));
        assert!(
            err.to_string().contains("ZIP 压缩包（内有 2 个文件）"),
            "{err}"
        );
    }

    #[test]
    fn files_come_in_name_order_without_the_clutter() {
        let zip = zip_of(&[
            ("b/报告二.txt", "二"),
            ("__MACOSX/b/._报告二.txt", "x"),
            ("a.txt", "一"),
            (".DS_Store", "x"),
            ("b/Thumbs.db", "x"),
        ]);
        let got = entries(&zip).expect("entries");
        let names: Vec<&str> = got.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b/报告二.txt"]);
        assert_eq!(got[1].bytes.as_deref(), Ok("二".as_bytes()));
    }

    #[test]
    fn names_written_in_gb18030_read_as_chinese() {
        let (raw, _, _) = encoding_rs::GB18030.encode("报告.pdf");
        assert_eq!(entry_name(&raw, "garbled"), "报告.pdf");
        assert_eq!(entry_name("报告.pdf".as_bytes(), "garbled"), "报告.pdf");
        // Bytes that are neither: the archive's own decoding.
        assert_eq!(entry_name(&[0xff, 0xff, 0xff], "kept"), "kept");
    }

    /// A file that inflates past the limit (a ZIP bomb's way) is that file's error; the
    /// archive's other files are still read.
    #[test]
    fn a_file_too_large_is_refused_alone() {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("bomb.txt", deflated).expect("entry");
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..=(MAX_INPUT >> 20) {
            z.write_all(&zeros).expect("write");
        }
        z.start_file("ok.txt", deflated).expect("entry");
        z.write_all("好".as_bytes()).expect("write");
        let zip = z.finish().expect("zip").into_inner();
        assert!(zip.len() < MAX_INPUT / 100, "{} bytes", zip.len());
        let got = entries(&zip).expect("entries");
        assert!(got[0].bytes.as_ref().is_err_and(|e| e.contains("文件过大")));
        assert_eq!(got[1].bytes.as_deref(), Ok("好".as_bytes()));
    }

    #[test]
    fn a_damaged_archive_is_an_error_not_a_panic() {
        let mut zip = zip_of(&[("a.txt", "一二三")]);
        let cut = zip.len() / 2;
        zip.truncate(cut);
        assert!(entries(&zip).is_err());
        assert!(entries(b"").is_err());
    }
}
