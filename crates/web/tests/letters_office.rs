//! Every kind of letter, downloaded as DOCX from the server, opened by LibreOffice (printed to
//! PDF) and read back with pdftotext: the words and the reference number survive.
#![allow(clippy::panic)]

mod common;

use std::process::Command;

use common::{application, case_id, client, pairs, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_letter_opens_in_libreoffice() {
    let server = start("sqlite", "office", "2025-10-09").await;
    let registrar = client(&server);
    registrar.login("registrar").await;
    let mut form = application("赵六");
    form.push(("channel", "in_person".into()));
    form.push(("date", "2025-09-26".into()));
    let (_, to) = registrar
        .submit("/staff/register", "/staff/register", &pairs(&form))
        .await;
    let case_page = format!("/staff/cases/{}", case_id(&to));
    let approver = client(&server);
    approver.login("approver").await;
    for step in [
        vec![("action", "draft"), ("outcome", "granted")],
        vec![("action", "approve")],
    ] {
        let (status, _) = approver
            .submit(&case_page, &format!("{case_page}/act"), &step)
            .await;
        assert_eq!(status, 303);
    }
    let kinds = [
        ("receipt", ""),
        ("correction", "请写明所需文件的名称或文号"),
        ("extension", "需要调取档案"),
        ("third_party", "某某建材有限公司"),
        ("third_party_decision", "某某建材有限公司\n涉及重大公共利益"),
        ("co_producer", "山亭区财政局"),
        ("fee_notice", ""),
        ("reasons", ""),
        ("reply", ""),
    ];
    let dir = std::env::temp_dir().join(format!("gongkai-letters-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut files = Vec::new();
    for (kind, extra) in kinds {
        let (status, letter) = approver
            .submit(
                &case_page,
                &format!("{case_page}/letters"),
                &[("kind", kind), ("extra", extra)],
            )
            .await;
        assert_eq!(status, 303, "{kind}: {letter}");
        let r = approver
            .http
            .get(approver.url(&format!("{letter}/docx")))
            .send()
            .await
            .expect("docx");
        assert_eq!(r.status().as_u16(), 200);
        let name = format!("{kind}.docx");
        std::fs::write(dir.join(&name), r.bytes().await.expect("bytes")).expect("write");
        files.push(name);
    }
    let out = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            ".",
        ])
        .args(&files)
        .env("HOME", &dir)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice (soffice) is needed; `bash scripts/test.sh` installs it: {e}")
        });
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (kind, extra) in kinds {
        let pdf = dir.join(format!("{kind}.pdf"));
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) is needed: {e}"));
        let text = String::from_utf8_lossy(&text.stdout).replace(['\n', ' '], "");
        // 征 numbers both consultation letters: the second is No. 2.
        // 告 numbers the Art. 35 notice after the decision notice.
        let n = if kind == "co_producer" || kind == "reasons" {
            2
        } else {
            1
        };
        assert!(text.contains(&format!("〔2025〕{n}号")), "{kind}: {text}");
        assert!(text.contains("山亭区凫城镇人民政府"), "{kind}: {text}");
        for part in extra.lines() {
            assert!(text.contains(&part.replace(' ', "")), "{kind}: {text}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
