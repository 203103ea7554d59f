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
    for key in ["timeout", "refused", "no_healthy_target", "queue_full"] {
        assert!(v["errors"][key].is_u64(), "errors.{key}");
    }
    let req = &v["requests"];
    let (a, c, f) = (
        req["arrived"].as_u64().unwrap(),
        req["completed"].as_u64().unwrap(),
        req["failed"].as_u64().unwrap(),
    );
    assert_eq!(a, c + f + req["in_flight"].as_u64().unwrap());
    for id in ["users", "lb", "app", "db"] {
        for key in ["utilization", "mean_queue", "throughput_rps"] {
            assert!(v["components"][id][key].is_number(), "components.{id}.{key}");
        }
    }
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
