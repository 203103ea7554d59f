//! `archlab sweep` gives the same bits whatever the number of threads, and the command line
//! prints the documented JSON.

use archlab_lab::model::Scenario;
use archlab_lab::sweep::{point_seed, sweep_point};
use archlab_runner::sweep::{parse, run, to_json, Plan};

fn preset(name: &str) -> Scenario {
    let path = format!("{}/../../scenarios/presets/{name}.json", env!("CARGO_MANIFEST_DIR"));
    archlab_lab::share::from_json_file(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(f)
}

#[test]
fn same_bits_on_one_thread_and_two() {
    // The two-zone preset: DNS, two balancers, two tiers and a database, so many kinds of
    // events and every random draw the engine makes; loads on both sides of its wall.
    let s = preset("multi-az");
    let plan =
        Plan { rates: vec![200.0, 700.0, 950.0, 1300.0], warmup_s: 2.0, seconds: 8.0, seed: 5, seeds: 3 };
    let one = in_pool(1, || run(&s, &plan)).unwrap();
    let two = in_pool(2, || run(&s, &plan)).unwrap();
    // Debug prints every f64 with its shortest round-trip digits: equal text, equal bits.
    assert_eq!(format!("{one:?}"), format!("{two:?}"));
    assert_eq!(to_json(&s, &one).to_string(), to_json(&s, &two).to_string());
    // And both are the pure calls the browser will make one by one.
    for (p, runs) in one.iter().enumerate() {
        assert_eq!(runs.len(), 3);
        for (r, got) in runs.iter().enumerate() {
            let want = sweep_point(&s, plan.rates[p], 2.0, 8.0, point_seed(5, p, r)).unwrap();
            assert_eq!(format!("{got:?}"), format!("{want:?}"), "point {p}, seed {r}");
        }
    }
    // Different points and seeds really ran differently.
    assert_ne!(one[0][0].latency_ms, one[0][1].latency_ms);
}

#[test]
fn parses_the_command_line() {
    let args = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
    let a = parse(&args("f.json --rates 100,200.5,300 --seconds 30 --warmup 5 --seed 9 --seeds 4 --json"))
        .unwrap();
    assert_eq!(a.rates, Some(vec![100.0, 200.5, 300.0]));
    assert_eq!((a.seconds, a.warmup, a.seed, a.seeds, a.json), (30.0, 5.0, Some(9), 4, true));
    let d = parse(&args("f.json")).unwrap();
    assert_eq!((d.rates, d.seconds, d.warmup, d.seed, d.seeds, d.json), (None, 60.0, 10.0, None, 1, false));
    for bad in [
        "f.json --rates 100,0",
        "f.json --rates 100,,200",
        "f.json --rates 2000000",
        "f.json --seeds 0",
        "--json",
    ] {
        assert!(parse(&args(bad)).is_err(), "{bad}");
    }
}

#[test]
fn the_command_prints_the_documented_json() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/mm10.json");
    let exe = env!("CARGO_BIN_EXE_archlab");
    let out = |extra: &[&str]| {
        let mut args =
            vec!["sweep", fixture, "--rates", "300,1500", "--seconds", "5", "--warmup", "1", "--json"];
        args.extend_from_slice(extra);
        let o = std::process::Command::new(exe).args(&args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let one = out(&[]);
    let p = &one["points"][1];
    assert_eq!(p["offered_rps"], 1500.0);
    for key in ["throughput_rps", "goodput_rps", "error_rate"] {
        assert!(p[key].is_f64(), "{key}: {p}");
    }
    for key in ["mean", "p50", "p95", "p99"] {
        assert!(p["latency_ms"][key].is_f64(), "{key}: {p}");
    }
    assert_eq!(p["bottleneck"], "app");
    assert!(one["points"][0]["bottleneck"].is_null());

    let several = out(&["--seeds", "3"]);
    let p = &several["points"][0];
    assert_eq!(p["offered_rps"], 300.0);
    for n in [&p["throughput_rps"], &p["goodput_rps"], &p["error_rate"], &p["latency_ms"]["p95"]] {
        assert!(n["mean"].is_f64() && n["ci95"].is_f64(), "{n}");
    }
    assert!(p["latency_ms"]["p95"]["ci95"].as_f64().unwrap() > 0.0);
}
