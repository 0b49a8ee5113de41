//! Every acknowledged application survives a crash: `gongkai serve` is killed (SIGKILL) while
//! applications pour in, and every one that was answered 201 is in the database afterwards.
#![allow(clippy::panic)]

use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use storage::Store;

#[test]
fn acknowledged_applications_survive_a_kill() {
    let dir = std::env::temp_dir().join(format!("gongkai-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("g.db").display());
    let bin = env!("CARGO_BIN_EXE_gongkai");
    let made = Command::new(bin)
        .args(["agency", "add", "--db", &url, "山亭区凫城镇人民政府"])
        .output()
        .expect("agency add");
    assert!(made.status.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let addr = format!("127.0.0.1:{port}");
    let mut server = Command::new(bin)
        .args([
            "serve",
            "--db",
            &url,
            "--addr",
            &addr,
            "--today",
            "2025-09-26",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve");
    let start = Instant::now();
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let body = serde_json::json!({
        "kind": "natural", "name": "张三", "doc_kind": "passport", "doc_number": "E1234567",
        "phone": "13912345678", "description": "预算", "form": "paper", "delivery": "collect"
    });
    runtime.block_on(async {
        let http = reqwest::Client::new();
        let url = format!("http://{addr}/api/v1/agencies/1/applications");
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (http, url, body, acked) = (
                http.clone(),
                url.clone(),
                body.clone(),
                Arc::clone(&acknowledged),
            );
            tasks.push(tokio::spawn(async move {
                // Until the server dies: every 201 is a promise.
                while let Ok(r) = http.post(&url).json(&body).send().await {
                    if r.status().as_u16() != 201 {
                        break;
                    }
                    let Ok(v) = r.json::<serde_json::Value>().await else {
                        break;
                    };
                    if let (Some(code), Ok(mut a)) = (v["tracking_code"].as_str(), acked.lock()) {
                        a.push(code.to_string());
                    }
                }
            }));
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        server.kill().expect("SIGKILL");
        let _ = server.wait();
        for t in tasks {
            let _ = t.await;
        }
    });
    let acked = acknowledged.lock().map(|a| a.clone()).unwrap_or_default();
    assert!(
        acked.len() > 20,
        "only {} acknowledged before the kill",
        acked.len()
    );

    runtime.block_on(async {
        let store = storage::connect(&url)
            .await
            .expect("reopen after the crash");
        for code in &acked {
            let found = store.case_by_tracking_code(code).await;
            assert!(found.is_ok(), "{code} was acknowledged but is gone");
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
}
