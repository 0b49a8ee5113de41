//! The `gongkai` command as a user runs it: real files in, exit codes and documents out.
#![allow(clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../report/tests/fixtures")
}

fn gongkai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(args)
        .output()
        .expect("runs")
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gongkai-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("tempdir");
    d
}

/// Exit code 0, or the failure shows what the command printed on stderr.
fn exits_0(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn one_file_json_is_an_object_and_exit_0() {
    let seed = fixtures().join("seeds/000_9f1a2ad731567797.txt");
    let out = gongkai(&["check", "--json", seed.to_str().expect("path")]);
    exits_0(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["report"]["body"], "山亭区凫城镇人民政府");
    assert_eq!(
        v["report"]["table3"]["new"],
        serde_json::json!([1, 0, 0, 0, 0, 0, 1])
    );
    assert!(v["format"].as_str().is_some_and(|f| f.contains("DOCX")));
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(rules, vec!["sections"]);
    assert!(
        v["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("000_9f1a2ad731567797.txt"))
    );
}

/// `gongkai check … | head -1`: when the reader has gone, the command stops without a word of
/// complaint, as other command-line tools do. The pipe's reading end is closed before the
/// command starts, so its first write fails every time.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let seed = fixtures().join("seeds/000_9f1a2ad731567797.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .args(["check", seed.to_str().expect("path")])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("runs");
    exits_0(&out);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_folder_gives_an_array_and_errors_give_exit_1() {
    let out = gongkai(&["check", "--json", fixtures().to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = v.as_array().expect("array");
    // Two seeds and the Shanghai HTML (its expected.json is not a report and says so).
    assert!(items.len() >= 3);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the expected.json file is not a report"
    );
    let html = fixtures().join("examples/shanghai_bgt_2019.html");
    let out = gongkai(&["check", html.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("row_total"));
}

#[test]
fn unreadable_input_is_exit_2_with_the_file_named() {
    let dir = tempdir("bad");
    let junk = dir.join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 254].repeat(50)).expect("write");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let prose = dir.join("letter.txt");
    std::fs::write(&prose, "关于召开会议的通知\n各单位：定于下周一召开会议。").expect("write");
    for (file, says) in [
        (&junk, "无法识别"),
        (&empty, "文件为空"),
        (&prose, "不是政府信息公开工作年度报告"),
    ] {
        let out = gongkai(&["check", file.to_str().expect("path")]);
        assert_eq!(out.status.code(), Some(2), "{file:?}");
        let text = stdout(&out);
        assert!(
            text.contains(file.file_name().and_then(|n| n.to_str()).expect("name")),
            "{text}"
        );
        assert!(text.contains(says), "{text}");
    }
    let missing = dir.join("missing.txt");
    assert_eq!(
        gongkai(&["check", missing.to_str().expect("path")])
            .status
            .code(),
        Some(2)
    );
}

/// A ZIP archive as a supervising office receives its bodies' reports: each file in it is read
/// as a report of its own and named by its path inside the archive (an archive inside it too);
/// what the archiver adds is left out, and a file that is no report is named like any other.
#[test]
fn a_zip_archive_is_read_file_by_file() {
    use std::io::Write;
    let dir = tempdir("zip");
    let seeds = fixtures().join("seeds");
    let seed = |name: &str| std::fs::read(seeds.join(name)).expect("seed");
    let zip_of = |files: &[(&str, &[u8])]| {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in files {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("entry");
            z.write_all(body).expect("write");
        }
        z.finish().expect("zip").into_inner()
    };
    let inner = zip_of(&[("巨鹿县/004.txt", &seed("004_65a7a6ab8d8d0b4d.txt"))]);
    let archive = dir.join("报告.zip");
    let files: [(&str, &[u8]); 4] = [
        ("山亭区/000.txt", &seed("000_9f1a2ad731567797.txt")),
        ("更多.zip", &inner),
        ("__MACOSX/山亭区/._000.txt", b"junk"),
        ("说明.txt", "请查收。".as_bytes()),
    ];
    std::fs::write(&archive, zip_of(&files)).expect("write");
    let out = gongkai(&["check", "--json", archive.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2), "说明.txt is no report");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = v
        .as_array()
        .expect("an array: the archive holds several files");
    let names: Vec<String> = items
        .iter()
        .filter_map(|i| i["file"].as_str())
        .map(|f| f.rsplit("报告.zip").next().unwrap_or(f).replace('\\', "/"))
        .collect();
    assert_eq!(
        names,
        ["/山亭区/000.txt", "/更多.zip/巨鹿县/004.txt", "/说明.txt"]
    );
    assert_eq!(items[0]["report"]["body"], "山亭区凫城镇人民政府");
    assert_eq!(items[1]["report"]["body"], "巨鹿县官亭镇人民政府");
    assert!(
        items[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("不是政府信息公开工作年度报告")),
        "{}",
        items[2]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_has_every_cell_one_row_per_report() {
    let seeds = fixtures().join("seeds");
    let out = gongkai(&["check", "--csv", seeds.to_str().expect("path")]);
    let text = stdout(&out);
    assert!(text.starts_with('\u{feff}'), "BOM for Excel");
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = rows.headers().expect("header").clone();
    assert_eq!(header.len(), 5 + 10 + 175 + 15 + 2);
    let col = header
        .iter()
        .position(|h| h == "table3.new.total")
        .expect("column");
    let records: Vec<_> = rows.records().collect::<Result<_, _>>().expect("records");
    assert_eq!(records.len(), 2);
    assert_eq!(&records[0][col], "1");
    assert_eq!(&records[1][col], "0");
}

#[test]
fn render_writes_every_format_and_they_read_back() {
    let dir = tempdir("render");
    let seed = fixtures().join("seeds/004_65a7a6ab8d8d0b4d.txt");
    let json = gongkai(&["check", "--json", seed.to_str().expect("path")]);
    let report_json = dir.join("r.json");
    std::fs::write(&report_json, &json.stdout).expect("write");
    let original: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    for ext in ["html", "docx", "md", "json"] {
        let out_file = dir.join(format!("out.{ext}"));
        let out = gongkai(&[
            "render",
            report_json.to_str().expect("path"),
            "-o",
            out_file.to_str().expect("path"),
        ]);
        assert!(
            out.status.success(),
            "{ext}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let back = gongkai(&["check", "--json", out_file.to_str().expect("path")]);
        let v: serde_json::Value = serde_json::from_slice(&back.stdout).expect("json");
        for table in ["table2", "table3", "table4"] {
            assert_eq!(
                v["report"][table], original["report"][table],
                "{ext} {table}"
            );
        }
    }
    let bad = gongkai(&[
        "render",
        report_json.to_str().expect("path"),
        "-o",
        dir.join("x.pdf").to_str().expect("path"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".pdf"));
}

#[test]
fn consecutive_years_are_checked_together() {
    let dir = tempdir("years");
    let seed = fixtures().join("seeds/000_9f1a2ad731567797.txt");
    let json = gongkai(&["check", "--json", seed.to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let mut this = v["report"].clone();
    let mut last = this.clone();
    last["year"] = 2024.into();
    last["table3"]["carried_forward"] = serde_json::json!([2, 0, 0, 0, 0, 0, 2]);
    last["table2"]["normative_in_force"] = 5.into();
    this["table2"]["normative_in_force"] = 9.into();
    std::fs::write(dir.join("2024.json"), last.to_string()).expect("write");
    std::fs::write(dir.join("2025.json"), this.to_string()).expect("write");
    let out = gongkai(&["check", dir.to_str().expect("path")]);
    let text = stdout(&out);
    for rule in ["carry_over_mismatch", "in_force_drift", "copied_text"] {
        assert!(text.contains(rule), "{rule}: {text}");
    }
}

#[test]
fn deadline_counts_working_days_on_the_official_calendar() {
    let cases = [
        (vec!["deadline", "2025-09-26"], "2025-10-30"),
        (vec!["deadline", "2025-09-26", "--days", "40"], "2025-11-27"),
        (vec!["deadline", "2024-09-27", "--days", "7"], "2024-10-12"),
        (vec!["deadline", "2026-02-09"], "2026-03-13"),
    ];
    for (args, want) in cases {
        let out = gongkai(&args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(stdout(&out).trim(), want, "{args:?}");
    }
    let explained = stdout(&gongkai(&["deadline", "2025-09-26", "--explain"]));
    assert!(explained.contains("调休上班"), "{explained}");
    for bad in [
        vec!["deadline", "2025-02-30"],
        vec!["deadline", "2026-12-20"],
        vec!["deadline", "2025-01-01", "--days", "0"],
    ] {
        let out = gongkai(&bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(!out.stderr.is_empty());
    }
    let dir = tempdir("deadline");
    let next = dir.join("2027.toml");
    std::fs::write(&next, "[[year]]\nyear = 2027\nnotice = \"测试\"\nholidays = [{ name = \"元旦\", from = \"2027-01-01\", to = \"2027-01-03\" }]\n").expect("write");
    let out = gongkai(&[
        "deadline",
        "2026-12-31",
        "--days",
        "1",
        "--holidays",
        next.to_str().expect("path"),
    ]);
    assert_eq!(stdout(&out).trim(), "2027-01-04");
}

#[test]
fn yearly_tables_from_the_database_pass_the_checker() {
    use cases::{ApplicantKind, Case};
    use storage::Store;
    let dir = tempdir("report");
    let url = format!("sqlite://{}", dir.join("g.db").display());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let store = storage::connect(&url).await.expect("db");
        let town = store
            .create_agency("山亭区凫城镇人民政府", None)
            .await
            .expect("agency");
        for (i, received) in ["2025-03-03", "2025-06-09", "2025-12-29"]
            .iter()
            .enumerate()
        {
            let case = Case::new(ApplicantKind::Natural, received.parse().expect("date"));
            let raw = cases::RawApplication {
                kind: "natural".into(),
                name: "李四".into(),
                doc_kind: "passport".into(),
                doc_number: "E12345678".into(),
                email: Some("li@example.cn".into()),
                description: "镇政府2025年预算".into(),
                form: "electronic".into(),
                delivery: "email".into(),
                ..Default::default()
            };
            let (applicant, request) = raw.parse().expect("form");
            let private = storage::Private {
                applicant,
                request,
                channel: cases::Channel::Online {
                    confirmed: case.received,
                },
            };
            store
                .insert_case(&storage::NewCase {
                    agency: town,
                    tracking_code: &format!("GK-{i}"),
                    case: &case,
                    due: None,
                    handler: None,
                    private: &private,
                })
                .await
                .expect("insert");
        }
    });
    let out = gongkai(&[
        "report", "--db", &url, "--agency", "1", "--year", "2025", "--json",
    ]);
    exits_0(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["report"]["table3"]["new"],
        serde_json::json!([3, 0, 0, 0, 0, 0, 3])
    );
    assert_eq!(
        v["report"]["table3"]["carried_forward"],
        serde_json::json!([3, 0, 0, 0, 0, 0, 3])
    );
    assert_eq!(
        v["findings"]
            .as_array()
            .map(|f| f.iter().filter(|x| x["severity"] == "error").count()),
        Some(0)
    );
    let missing = gongkai(&["report", "--db", &url, "--agency", "9", "--year", "2025"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn agencies_and_accounts_are_set_up_from_the_command_line() {
    let dir = tempdir("setup");
    let url = format!("sqlite://{}", dir.join("g.db").display());
    let out = gongkai(&["agency", "add", "--db", &url, "山亭区人民政府"]);
    exits_0(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("已添加机关 1 山亭区人民政府"));
    let out = gongkai(&[
        "agency",
        "add",
        "--db",
        &url,
        "山亭区凫城镇人民政府",
        "--parent",
        "1",
        "--letter-prefix",
        "凫政公",
    ]);
    exits_0(&out);
    let out = gongkai(&["agency", "add", "--db", &url, "孤儿机关", "--parent", "99"]);
    assert_eq!(out.status.code(), Some(2), "an unknown parent is refused");
    let out = gongkai(&["agency", "list", "--db", &url]);
    exits_0(&out);
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.contains("2  山亭区凫城镇人民政府（上级 1）"), "{list}");
    assert!(!list.contains("孤儿机关"));

    let add = |login: &str, role: &str| {
        gongkai(&[
            "user", "add", "--db", &url, "--agency", "2", "--login", login, "--name", "王敏",
            "--role", role,
        ])
    };
    let out = add("wang", "handler");
    exits_0(&out);
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("已添加账号 wang（承办人），初始密码：gk-"),
        "{printed}"
    );
    let out = add("wang", "handler");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("已被使用"));
    let out = add("li", "boss");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("角色应为"));
}

/// A one-page PDF whose text is set in a Chinese font it does not carry, under the named
/// predefined CMap, each line given as the hex of its codes.
fn pdf_in_predefined_cmap(encoding: &str, lines_hex: &[String]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 14 TL 50 780 Td\n");
    for hex in lines_hex {
        content.push_str(&format!("<{hex}> Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{encoding} /DescendantFonts [6 0 R] >>"),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>".to_string(),
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 93 >>".to_string(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        out.push_str(&format!("{o:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

#[test]
fn a_pdf_the_extractor_cannot_read_is_an_error_without_a_panic_printed() {
    let dir = tempdir("unsupported-cmap");
    // A Japanese predefined CMap: the extractor panics on it, inside the shield.
    let path = dir.join("shift-jis.pdf");
    let pdf = pdf_in_predefined_cmap("90ms-RKSJ-H", &["93fa967b".to_string()]);
    std::fs::write(&path, pdf).expect("write");
    let path = path.to_string_lossy().into_owned();
    let o = gongkai(&["check", &path]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stdout(&o).contains("shift-jis.pdf"), "{}", stdout(&o));
    let _ = std::fs::remove_dir_all(&dir);
}
