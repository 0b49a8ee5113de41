//! Reminder e-mails through a real SMTP conversation: a small SMTP server on a random port takes
//! what the mailer sends, and the test reads the envelope and the message.
#![allow(clippy::panic)]

mod common;

use std::sync::{Arc, Mutex};

use calendar::Calendar;
use cases::{ApplicantKind, Case, Role};
use storage::{NewCase, NewUser, Private, Store};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Accepts SMTP sessions and keeps each one's transcript.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let got = Arc::new(Mutex::new(Vec::new()));
    let keep = Arc::clone(&got);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            let mut transcript = String::new();
            let _ = write.write_all(b"220 sink ESMTP\r\n").await;
            let mut in_data = false;
            while let Ok(Some(line)) = lines.next_line().await {
                transcript.push_str(&line);
                transcript.push('\n');
                let reply: &[u8] = if in_data {
                    if line == "." {
                        in_data = false;
                        b"250 queued\r\n"
                    } else {
                        continue;
                    }
                } else if line.starts_with("DATA") {
                    in_data = true;
                    b"354 go on\r\n"
                } else if line.starts_with("QUIT") {
                    let _ = write.write_all(b"221 bye\r\n").await;
                    break;
                } else {
                    b"250 ok\r\n"
                };
                let _ = write.write_all(reply).await;
            }
            if let Ok(mut g) = keep.lock() {
                g.push(transcript);
            }
        }
    });
    (port, got)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handlers_get_their_overdue_and_nearly_due_cases() {
    let url = common::fresh_db("sqlite", "mail").await;
    let store = storage::connect(&url).await.expect("connect");
    let world = common::world(&store).await;
    let hash = web::hash_password("pw").expect("hash");
    let mailed = store
        .create_user(&NewUser {
            agency: world.town,
            login: "mailed",
            name: "王承办",
            role: Role::Handler,
            password_hash: &hash,
            email: Some("wang@example.cn"),
        })
        .await
        .expect("user");
    let cal = Calendar::official().expect("calendar");
    let raw = cases::RawApplication {
        kind: "natural".into(),
        name: "保密的申请人".into(),
        doc_kind: "passport".into(),
        doc_number: "E1234567".into(),
        phone: Some("13912345678".into()),
        description: "预算".into(),
        form: "paper".into(),
        delivery: "collect".into(),
        ..Default::default()
    };
    let (applicant, request) = raw.parse().expect("form");
    let private = Private {
        applicant,
        request,
        channel: cases::Channel::InPerson {
            handed_in: common::d("2025-09-01"),
        },
    };
    // Overdue, due in two working days, due much later, and overdue but unassigned.
    for (code, received, handler) in [
        ("GKOVERDUE-0001", "2025-09-01", Some(mailed)),
        ("GKSOON-00002", "2025-10-16", Some(mailed)),
        ("GKLATER-00003", "2025-11-03", Some(mailed)),
        ("GKNOBODY-0004", "2025-09-01", None),
    ] {
        let case = Case::new(ApplicantKind::Natural, common::d(received));
        let due = match case.due(&cal) {
            Ok(Some(cases::clock::Due::On { date })) => Some(date),
            _ => None,
        };
        store
            .insert_case(&NewCase {
                agency: world.town,
                tracking_code: code,
                case: &case,
                due,
                handler,
                private: &private,
            })
            .await
            .expect("case");
    }
    let state = web::AppState::new(store, cal, Some(common::d("2025-11-11")));

    let due = web::reminders::due_reminders(&state)
        .await
        .expect("reminders");
    assert_eq!(
        due.len(),
        1,
        "one handler has an address and something due: {due:?}"
    );
    let r = &due[0];
    assert_eq!(r.to, "wang@example.cn");
    assert!(
        r.body.contains("GKOVERDUE-0001") && r.body.contains("GKSOON-00002"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("GKLATER-00003") && !r.body.contains("GKNOBODY-0004"));
    assert!(
        !r.body.contains("保密的申请人"),
        "no applicant data by mail"
    );
    assert!(r.subject.contains("超期1件，即将到期1件"), "{}", r.subject);

    let (port, got) = smtp_sink().await;
    let mailer =
        web::reminders::Mailer::new(&format!("smtp://127.0.0.1:{port}"), "gongkai@example.cn")
            .expect("mailer");
    let sent = web::reminders::send_reminders(&state, &mailer)
        .await
        .expect("send");
    assert_eq!(sent, 1);
    let transcript = got.lock().map(|g| g.join("\n")).unwrap_or_default();
    assert!(
        transcript.contains("RCPT TO:<wang@example.cn>"),
        "{transcript}"
    );
    assert!(
        transcript.contains("MAIL FROM:<gongkai@example.cn>"),
        "{transcript}"
    );
    assert!(transcript.contains("GKOVERDUE-0001"), "{transcript}");

    // A server that cannot do STARTTLS gets nothing when TLS was asked for: no silent downgrade.
    let strict = web::reminders::Mailer::new(
        &format!("smtp://gk:secret@127.0.0.1:{port}?tls=starttls"),
        "gongkai@example.cn",
    )
    .expect("mailer");
    let sent = web::reminders::send_reminders(&state, &strict)
        .await
        .expect("send");
    assert_eq!(sent, 0);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let transcripts = got.lock().map(|g| g.clone()).unwrap_or_default();
    assert_eq!(transcripts.len(), 2, "{transcripts:?}");
    assert!(
        !transcripts[1].contains("MAIL FROM") && !transcripts[1].contains("AUTH"),
        "{transcripts:?}"
    );

    assert!(web::reminders::Mailer::new("http://mail", "a@b.cn").is_err());
    assert!(web::reminders::Mailer::new("smtp://mail:x", "a@b.cn").is_err());
}
