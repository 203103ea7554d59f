//! The headless runner as instructors use it: JSON keys, the table, invalid files.

use std::process::Command;

fn archlab(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_archlab")).args(args).output().expect("the runner starts")
}

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_summary_has_the_documented_keys() {
    let f = fixture("three_tier.json");
    let out = archlab(&["run", &f, "--seconds", "20", "--seed", "3", "--warmup", "5", "--json"]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for key in ["throughput_rps", "error_rate"] {
        assert!(v[key].is_number(), "{key}");
    }
    for key in ["mean", "p50", "p95", "p99"] {
        assert!(v["latency_ms"][key].is_number(), "latency_ms.{key}");
    }
    let causes =
        ["timeout", "refused", "connect_timeout", "no_healthy_target", "queue_full", "too_many_connections"];
    for key in causes {
        assert!(v["errors"][key].is_u64(), "errors.{key}");
    }
    let req = &v["requests"];
    let (a, c, f) = (
        req["arrived"].as_u64().unwrap(),
        req["completed"].as_u64().unwrap(),
        req["failed"].as_u64().unwrap(),
    );
    assert_eq!(a, c + f + req["in_flight"].as_u64().unwrap());
    // Attempts are counted apart from requests: each request's first attempt, plus its retries.
    assert_eq!(req["attempts"].as_u64().unwrap(), a + req["retries"].as_u64().unwrap());
    for id in ["users", "lb", "app", "db"] {
        for key in [
            "utilization",
            "cpu_utilization",
            "worker_utilization",
            "connection_utilization",
            "mean_queue",
            "throughput_rps",
        ] {
            assert!(v["components"][id][key].is_number(), "components.{id}.{key}");
        }
    }
    // The limiting resource: the app tier's workers (held during queries) or its cores.
    let app = &v["components"]["app"];
    let most = ["cpu_utilization", "worker_utilization"].map(|k| app[k].as_f64().unwrap());
    assert_eq!(app["utilization"].as_f64().unwrap(), most[0].max(most[1]));
    assert!(most[0] > 0.0 && most[1] > most[0], "app cpu {} < workers {}", most[0], most[1]);
    // 600 req/s for 15 s measured: the throughput is near the offered rate.
    let t = v["throughput_rps"].as_f64().unwrap();
    assert!((t - 600.0).abs() < 60.0, "throughput {t}");
}

#[test]
fn same_seed_same_output() {
    let f = fixture("mm10.json");
    let run = || archlab(&["run", &f, "--seconds", "30", "--seed", "5", "--json"]).stdout;
    assert_eq!(run(), run());
}

#[test]
fn table_names_every_component() {
    let out = archlab(&["run", &fixture("three_tier.json"), "--seconds", "5", "--seed", "1"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in ["throughput", "p99", "users", "lb", "app", "db"] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
}

#[test]
fn invalid_file_prints_diagnostics_and_fails() {
    let out = archlab(&["run", &fixture("invalid.json"), "--seconds", "5", "--seed", "1"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("app-1.processes"), "stderr: {err}");
    assert!(out.stdout.is_empty());

    let out = archlab(&["run", &fixture("does-not-exist.json"), "--seconds", "5", "--seed", "1"]);
    assert!(!out.status.success());
    let out = archlab(&["run", &fixture("mm10.json"), "--seconds", "soon"]);
    assert_eq!(out.status.code(), Some(2), "bad arguments");
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("archlab-runner-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("the temp dir is writable");
    path
}

fn stderr_of(path: &std::path::Path) -> String {
    let out = archlab(&["run", path.to_str().unwrap(), "--seconds", "1", "--seed", "1"]);
    let _ = std::fs::remove_file(path);
    assert_eq!(out.status.code(), Some(1), "refused with status 1");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Issue 20, finding 7: the runner read a 36 MB file whole (943 MB for 10⁶ links); it now
/// refuses past the browser's size limit from the file's size, before reading it.
#[test]
fn a_file_past_the_browsers_size_limit_is_refused_unread() {
    let max = archlab_lab::share::MAX_JSON_LEN;
    let path = temp_file("big.json", &vec![b' '; max + 1]);
    let err = stderr_of(&path);
    assert!(err.contains("too large") && err.contains(&max.to_string()), "{err}");
}

/// Issue 20, finding 7: counts hold too: a file within the size limit with more links than
/// a scenario may have is refused by validation, as in the browser.
#[test]
fn counts_past_the_limits_are_refused() {
    let text = std::fs::read_to_string(fixture("three_tier.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let link = v["links"][0].clone();
    let n = archlab_lab::model::LIMITS.links + 1;
    v["links"] = serde_json::Value::Array(vec![link; n]);
    let path = temp_file("links.json", v.to_string().as_bytes());
    let err = stderr_of(&path);
    assert!(err.contains("links"), "{err}");
}

/// Issue 20, finding 3: the runner and the browser share one rule for a file's bytes: a UTF-8
/// byte-order mark is skipped, a UTF-16 one and Latin-1 bytes are refused as not UTF-8.
#[test]
fn byte_order_marks_and_latin1_follow_the_browsers_rule() {
    let text = std::fs::read(fixture("three_tier.json")).unwrap();
    let bom = temp_file("bom.json", &[b"\xEF\xBB\xBF".as_slice(), &text].concat());
    let out = archlab(&["run", bom.to_str().unwrap(), "--seconds", "1", "--seed", "1"]);
    let _ = std::fs::remove_file(&bom);
    assert!(out.status.success(), "a UTF-8 BOM is skipped: {}", String::from_utf8_lossy(&out.stderr));

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(String::from_utf8(text.clone()).unwrap().encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let err = stderr_of(&temp_file("utf16.json", &utf16));
    assert!(err.contains("UTF-16") && err.contains("not UTF-8"), "{err}");

    let mut latin1 = text;
    let at = latin1.iter().position(|&b| b == b'"').unwrap() + 1;
    latin1.insert(at, 0xE9);
    let err = stderr_of(&temp_file("latin1.json", &latin1));
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn json_has_goodput_failed_latency_and_the_diagnosis() {
    let f = fixture("three_tier.json");
    let out = archlab(&["run", &f, "--seconds", "20", "--seed", "3", "--warmup", "5", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert!(v["goodput_rps"].as_f64().unwrap() <= v["throughput_rps"].as_f64().unwrap());
    for key in ["p50", "p95", "p99"] {
        assert!(v["failed_latency_ms"][key].is_number(), "failed_latency_ms.{key}");
    }
    for key in ["attempts", "retries"] {
        assert!(v["requests"][key].is_u64(), "requests.{key}");
    }
    for key in ["cpu_utilization", "worker_utilization", "connection_utilization"] {
        assert!(v["components"]["app"][key].is_number(), "components.app.{key}");
    }
    let b = &v["bottleneck"];
    assert!(b["kind"].is_string() && b["evidence"].is_object(), "{b}");
    assert!(b["component"].is_null() || b["component"].is_string(), "{b}");
}

#[test]
fn json_names_the_zone_outage_while_it_lasts() {
    // Zone a dies at 30 s and the standby database is promoted 60 s later.
    let f = format!("{}/../../scenarios/presets/zone-outage.json", env!("CARGO_MANIFEST_DIR"));
    let out = archlab(&["run", &f, "--seconds", "80", "--seed", "1", "--warmup", "40", "--json"]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b = &v["bottleneck"];
    assert_eq!(b["kind"], "outage", "{b}");
    assert_eq!(b["evidence"]["place"], "ap-northeast-2/a", "{b}");
    assert!(b["evidence"]["error_rate"].as_f64().unwrap() > 0.99, "{b}");
    assert!(v["failed_latency_ms"]["p50"].as_f64().unwrap() > 0.0);
}

#[test]
fn json_bottleneck_agrees_with_the_callout_on_the_retry_storm() {
    // The retry-storm preset 10 to 20 s after its spike ended: the runner names the callout's
    // kind, which reads the same seconds from the per-second series.
    use archlab_lab::analysis::{diagnose, observe};
    use archlab_lab::engine::{secs, Sim};
    let f = format!("{}/../../scenarios/presets/retry-storm.json", env!("CARGO_MANIFEST_DIR"));
    let out = archlab(&["run", &f, "--seconds", "60", "--seed", "1", "--warmup", "50", "--json"]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b = &v["bottleneck"];
    assert_eq!(b["kind"], "retries", "{b}");
    let req = &v["requests"];
    let a = b["evidence"]["attempts_per_request"].as_f64().unwrap();
    let expected = req["attempts"].as_f64().unwrap() / req["arrived"].as_f64().unwrap();
    assert!((a - expected).abs() < 1e-9 && a >= 1.25, "{a} vs {expected}");
    // The callout's own reading of the same ten seconds.
    let s = archlab_lab::share::from_json_file(&std::fs::read_to_string(&f).unwrap()).unwrap();
    let mut sim = Sim::new(&s, 1).unwrap();
    sim.advance_to(secs(60.0));
    let live = observe(&s, &sim.snapshot(), sim.metrics(), 10, None);
    assert_eq!(diagnose(&s, &live).kind.key(), b["kind"].as_str().unwrap());
    // The two ratios differ by design: the runner counts the attempts of the requests born in
    // its window (some not yet retried when it ends), the callout the attempts started in its
    // seconds per request born in them (retries of older requests included). Both see a storm.
    assert!(live.traffic.attempts_per_request >= 1.25, "{:?}", live.traffic);
}
