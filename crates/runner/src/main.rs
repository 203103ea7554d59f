//! The headless runner: `archlab run FILE.json --seconds S --seed N [--warmup W] [--json]`, and
//! `archlab sweep FILE.json [--rates R1,R2,...] ...` (see `archlab_runner::sweep`).
//!
//! Prints a readable table, or with `--json` one JSON object. An unreadable or invalid file
//! prints every diagnostic on stderr and exits with status 1; bad arguments exit with 2.

use std::process::ExitCode;

use archlab_lab::analysis::Diagnosis;
use archlab_lab::engine::Summary;
use archlab_lab::model::Scenario;
use archlab_runner::{bottleneck, run::run, sweep};

const USAGE: &str = "usage: archlab run FILE.json --seconds S --seed N [--warmup W] [--json]";

struct Args {
    file: String,
    seconds: f64,
    seed: Option<u64>,
    warmup: f64,
    json: bool,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    if it.next().map(String::as_str) != Some("run") {
        return Err("the commands are `run` and `sweep`".into());
    }
    let mut a = Args { file: String::new(), seconds: 60.0, seed: None, warmup: 0.0, json: false };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => a.seconds = number(&value("--seconds")?, "--seconds")?,
            "--warmup" => a.warmup = number(&value("--warmup")?, "--warmup")?,
            "--seed" => {
                let v = value("--seed")?;
                a.seed = Some(v.parse().map_err(|_| format!("--seed: not a whole number: {v}"))?);
            }
            "--json" => a.json = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s if a.file.is_empty() => a.file = s.to_string(),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    if a.file.is_empty() {
        return Err("name a scenario file".into());
    }
    if a.warmup >= a.seconds {
        return Err("--warmup must be shorter than --seconds".into());
    }
    Ok(a)
}

fn number(v: &str, name: &str) -> Result<f64, String> {
    match v.parse::<f64>() {
        Ok(x) if (0.0..=86_400.0).contains(&x) => Ok(x),
        _ => Err(format!("{name}: expected seconds between 0 and 86400, got {v}")),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("sweep") {
        return sweep_main(&args[1..]);
    }
    let a = match parse(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("archlab: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let scenario = match load(&a.file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let seed = a.seed.unwrap_or(scenario.seed);
    match run(&scenario, a.seconds, seed, a.warmup) {
        Ok((s, d)) if a.json => println!("{}", to_json(&s, &d)),
        Ok((s, d)) => print!("{}", table(&scenario, &s, &d, seed)),
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}: {d}", a.file);
            }
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn sweep_main(args: &[String]) -> ExitCode {
    let a = match sweep::parse(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("archlab: {e}\n{}", sweep::USAGE);
            return ExitCode::from(2);
        }
    };
    let scenario = match load(&a.file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let seed = a.seed.unwrap_or(scenario.seed);
    let rates = a.rates.clone().unwrap_or_else(|| archlab_lab::sweep::default_rates(&scenario));
    let plan = sweep::Plan { rates, warmup_s: a.warmup, seconds: a.seconds, seed, seeds: a.seeds };
    match sweep::run(&scenario, &plan) {
        Ok(r) if a.json => println!("{}", sweep::to_json(&scenario, &r)),
        Ok(r) => print!("{}", sweep::table(&scenario, &r, seed)),
        Err(diagnostics) => {
            for d in &diagnostics {
                eprintln!("{}: {d}", a.file);
            }
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// Reads and checks a scenario file; on failure says why on stderr.
fn load(file: &str) -> Result<Scenario, ExitCode> {
    let bytes = read_capped(file).map_err(|e| {
        eprintln!("{file}: {e}");
        ExitCode::from(1)
    })?;
    // The browser's rule for a file's bytes (size, byte-order mark, strict UTF-8), then its
    // loader, whose validation enforces the same counts.
    archlab_lab::share::from_file_bytes(&bytes).map_err(|e| {
        eprintln!("{file}: {e}");
        ExitCode::from(1)
    })
}

/// The file's bytes, reading at most one byte past `share::MAX_JSON_LEN`: a larger file is
/// refused by `share::file_text` as the browser refuses it, without first being read whole
/// into memory (a 36 MB file once cost the runner 943 MB).
/// A file whose size is known is refused from its size alone, with that size in the message;
/// `take` bounds what is read from one that has none (a pipe, `/dev/zero`) or grows meanwhile.
fn read_capped(path: &str) -> Result<Vec<u8>, String> {
    use archlab_lab::share::{ShareError, MAX_JSON_LEN};
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let len = file.metadata().map_or(0, |m| m.len());
    if len > MAX_JSON_LEN as u64 {
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        return Err(ShareError::FileTooLarge { len, max: MAX_JSON_LEN }.to_string());
    }
    let mut bytes = Vec::new();
    file.take(MAX_JSON_LEN as u64 + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn to_json(s: &Summary, d: &Diagnosis) -> serde_json::Value {
    let errors: serde_json::Map<_, _> =
        s.errors.iter().map(|(c, n)| (c.key().to_string(), (*n).into())).collect();
    let components: serde_json::Map<_, _> = s
        .components
        .iter()
        .map(|c| {
            let v = serde_json::json!({
                "kind": c.kind,
                "utilization": c.utilization,
                "cpu_utilization": c.cpu_utilization,
                "worker_utilization": c.worker_utilization,
                "connection_utilization": c.connection_utilization,
                "mean_queue": c.mean_queue,
                "throughput_rps": c.throughput_rps,
                "arrivals": c.arrivals,
                "errors": c.errors,
                "mean_sojourn_ms": c.mean_sojourn_ms,
            });
            (c.id.clone(), v)
        })
        .collect();
    serde_json::json!({
        "window_s": s.window_s,
        "throughput_rps": s.throughput_rps,
        "goodput_rps": s.goodput_rps,
        "latency_ms": {
            "mean": s.latency_ms.mean, "p50": s.latency_ms.p50,
            "p95": s.latency_ms.p95, "p99": s.latency_ms.p99,
        },
        "failed_latency_ms": {
            "mean": s.failed_latency_ms.mean, "p50": s.failed_latency_ms.p50,
            "p95": s.failed_latency_ms.p95, "p99": s.failed_latency_ms.p99,
        },
        "error_rate": s.error_rate,
        "errors": errors,
        "requests": {
            "arrived": s.arrived, "completed": s.completed, "failed": s.failed, "in_flight": s.in_flight,
            "attempts": s.attempts, "retries": s.retries,
        },
        "components": components,
        "bottleneck": bottleneck::to_json(d),
        "events": s.events,
    })
}

fn table(scenario: &Scenario, s: &Summary, d: &Diagnosis, seed: u64) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "{} (seed {seed}, {:.1} s measured)", scenario.name, s.window_s);
    let _ = writeln!(o, "  throughput   {:>10.1} req/s ({:.1} successful)", s.throughput_rps, s.goodput_rps);
    let l = &s.latency_ms;
    let _ = writeln!(
        o,
        "  latency ms   mean {:.2}  p50 {:.2}  p95 {:.2}  p99 {:.2}",
        l.mean, l.p50, l.p95, l.p99
    );
    let f = &s.failed_latency_ms;
    if s.failed > 0 {
        let _ = writeln!(o, "  failed after ms   p50 {:.2}  p95 {:.2}  p99 {:.2}", f.p50, f.p95, f.p99);
    }
    let _ = writeln!(
        o,
        "  requests     {} arrived, {} completed, {} failed, {} in flight ({} attempts, {} retries)",
        s.arrived, s.completed, s.failed, s.in_flight, s.attempts, s.retries
    );
    let _ = write!(o, "  errors       {:.3} %", s.error_rate * 100.0);
    for (c, n) in s.errors.iter().filter(|(_, n)| *n > 0) {
        let _ = write!(o, "  {}: {n}", c.key());
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "\n  {:<16} {:<14} {:>7} {:>10} {:>12} {:>10} {:>8}",
        "component", "kind", "util", "mean queue", "served/s", "sojourn ms", "errors"
    );
    for c in &s.components {
        let _ = writeln!(
            o,
            "  {:<16} {:<14} {:>6.1}% {:>10.2} {:>12.1} {:>10.2} {:>8}",
            c.id,
            c.kind,
            c.utilization * 100.0,
            c.mean_queue,
            c.throughput_rps,
            c.mean_sojourn_ms,
            c.errors
        );
    }
    let text = archlab_lab::i18n::describe_diagnosis(archlab_lab::i18n::Lang::En, d);
    let _ = writeln!(o, "\n  bottleneck   [{}] {}", d.kind.key(), text.headline);
    for line in
        [text.evidence, text.resources, text.collapse, text.also, text.suggestion].into_iter().flatten()
    {
        let _ = writeln!(o, "               {line}");
    }
    o
}
