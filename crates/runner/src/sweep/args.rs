//! The command line of `archlab sweep`.

use archlab_lab::model::LIMITS;
use archlab_lab::sweep::{DEFAULT_SECONDS, DEFAULT_WARMUP_S};

pub const USAGE: &str = "usage: archlab sweep FILE.json [--rates R1,R2,...] [--seconds S] [--warmup W] \
[--seed N] [--seeds K] [--json]\n  S: seconds measured at each rate after W seconds of warm-up \
(default 60 and 10); rates default to 12 points from 10 % to 150 % of the estimated capacity";

#[derive(Clone, Debug, PartialEq)]
pub struct SweepArgs {
    pub file: String,
    /// `None`: the lab's default rates for the design.
    pub rates: Option<Vec<f64>>,
    pub seconds: f64,
    pub warmup: f64,
    /// `None`: the scenario's own seed.
    pub seed: Option<u64>,
    pub seeds: usize,
    pub json: bool,
}

/// Parses the arguments after `sweep`.
pub fn parse(args: &[String]) -> Result<SweepArgs, String> {
    let mut a = SweepArgs {
        file: String::new(),
        rates: None,
        seconds: DEFAULT_SECONDS,
        warmup: DEFAULT_WARMUP_S,
        seed: None,
        seeds: 1,
        json: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--rates" => a.rates = Some(rates(&value("--rates")?)?),
            "--seconds" => a.seconds = seconds(&value("--seconds")?, "--seconds")?,
            "--warmup" => a.warmup = seconds(&value("--warmup")?, "--warmup")?,
            "--seed" => {
                let v = value("--seed")?;
                a.seed = Some(v.parse().map_err(|_| format!("--seed: not a whole number: {v}"))?);
            }
            "--seeds" => {
                let v = value("--seeds")?;
                a.seeds = match v.parse::<usize>() {
                    Ok(k) if (1..=1000).contains(&k) => k,
                    _ => return Err(format!("--seeds: expected a whole number from 1 to 1000, got {v}")),
                };
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
    if a.seconds <= 0.0 {
        return Err("--seconds must be more than 0".into());
    }
    Ok(a)
}

fn rates(v: &str) -> Result<Vec<f64>, String> {
    let out: Vec<f64> = v
        .split(',')
        .map(|r| match r.trim().parse::<f64>() {
            Ok(x) if x > 0.0 && x <= LIMITS.rate_rps => Ok(x),
            _ => Err(format!(
                "--rates: expected requests/s above 0 and at most {}, got {r:?}",
                LIMITS.rate_rps
            )),
        })
        .collect::<Result<_, _>>()?;
    if out.is_empty() {
        return Err("--rates: name at least one rate".into());
    }
    Ok(out)
}

fn seconds(v: &str, name: &str) -> Result<f64, String> {
    match v.parse::<f64>() {
        Ok(x) if (0.0..=86_400.0).contains(&x) => Ok(x),
        _ => Err(format!("{name}: expected seconds between 0 and 86400, got {v}")),
    }
}
