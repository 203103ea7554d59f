//! Inspector fields of the operating parts: an app tier's instance size and auto-scaling group,
//! a load balancer's connection draining, a database's instance size.
//!
//! `fields.rs` asks these functions first, so the rules between these fields live here: an
//! auto-scaling group's min ≤ desired (the tier's host count) ≤ max is checked at the field
//! that would break it, with the bound in the message, before the model's validation runs.

use super::fields::{Input, Value};
use super::Reason;
use crate::model::{AutoScaling, Kind, LIMITS};
use archlab_engine::catalog::pricing::{size_for, SIZES_VCPU};

/// The instance sizes the price table knows, by vCPU count (`catalog::SIZES_VCPU`).
pub const SIZES: &[&str] = &["2", "4", "8", "16", "32", "48", "64", "96"];

const SECONDS: Input = Input::Number { min: 0.0, max: 3600.0, min_exclusive: false };

/// The extra fields of `kind`, in display order: (key, unit, input).
pub(super) fn specs(kind: &Kind) -> Vec<(&'static str, Option<&'static str>, Input)> {
    match kind {
        Kind::AppServer(a) => {
            let mut v = vec![("size", None, Input::Choice(SIZES)), ("autoscaling", None, Input::Bool)];
            if a.autoscaling.is_some() {
                v.extend([
                    ("autoscaling.min", None, Input::Int { min: 0, max: LIMITS.count }),
                    ("autoscaling.max", None, Input::Int { min: 1, max: LIMITS.count }),
                    (
                        "autoscaling.target_cpu_pct",
                        Some("%"),
                        Input::Number { min: 1.0, max: 100.0, min_exclusive: false },
                    ),
                    ("autoscaling.boot_s", Some("s"), SECONDS),
                    ("autoscaling.warmup_s", Some("s"), SECONDS),
                    ("autoscaling.cooldown_s", Some("s"), SECONDS),
                ]);
            }
            v
        }
        Kind::LoadBalancer(_) => vec![("deregistration_delay_s", Some("s"), SECONDS)],
        Kind::Database(d) if d.host.is_none() => vec![("size", None, Input::Choice(SIZES))],
        _ => Vec::new(),
    }
}

fn size_value(vcpus: u32) -> String {
    size_for(vcpus).0.to_string()
}

/// The shown value of an operating field, `None` for any other key.
pub(super) fn get(kind: &Kind, key: &str) -> Option<String> {
    let f = super::fields::fmt_num;
    Some(match (kind, key) {
        (Kind::AppServer(a), "size") => size_value(a.vcpus),
        (Kind::Database(d), "size") => size_value(d.vcpus),
        (Kind::AppServer(a), "autoscaling") => a.autoscaling.is_some().to_string(),
        (Kind::AppServer(a), k) if k.starts_with("autoscaling.") => {
            let g = a.autoscaling.as_ref()?;
            match k {
                "autoscaling.min" => g.min.to_string(),
                "autoscaling.max" => g.max.to_string(),
                "autoscaling.target_cpu_pct" => f(g.target_cpu_pct),
                "autoscaling.boot_s" => f(g.boot_s),
                "autoscaling.warmup_s" => f(g.warmup_s),
                "autoscaling.cooldown_s" => f(g.cooldown_s),
                _ => return None,
            }
        }
        (Kind::LoadBalancer(l), "deregistration_delay_s") => f(l.deregistration_delay_s),
        _ => return None,
    })
}

/// A group for a tier of `count` hosts that is turned on: the EC2 defaults, widened so the
/// tier's current count is a valid desired capacity.
pub fn group_for(count: u32) -> AutoScaling {
    let d = AutoScaling::default();
    AutoScaling { min: d.min.min(count), max: d.max.max(count), ..d }
}

/// Applies an operating field; `None` when `key` is not one (the caller handles it).
pub(super) fn set(kind: &mut Kind, key: &str, v: &Value) -> Option<Result<(), Reason>> {
    let r = match (kind, key, v) {
        (Kind::AppServer(a), "size", Value::Choice(s)) => set_size(&mut a.vcpus, s),
        (Kind::Database(d), "size", Value::Choice(s)) => set_size(&mut d.vcpus, s),
        (Kind::AppServer(a), "autoscaling", Value::Choice(s)) => {
            match (*s == "true", a.autoscaling.is_some()) {
                (true, false) => a.autoscaling = Some(group_for(a.count)),
                (false, true) => a.autoscaling = None,
                _ => {}
            }
            Ok(())
        }
        (Kind::AppServer(a), k, v) if k.starts_with("autoscaling.") => {
            let count = a.count;
            match a.autoscaling.as_mut() {
                Some(g) => set_group(g, count, k, v),
                None => Err(Reason::GroupOff),
            }
        }
        (Kind::LoadBalancer(l), "deregistration_delay_s", &Value::Num(x)) => {
            l.deregistration_delay_s = x;
            Ok(())
        }
        _ => return None,
    };
    Some(r)
}

fn set_size(vcpus: &mut u32, s: &str) -> Result<(), Reason> {
    match s.parse::<u32>() {
        Ok(n) if SIZES_VCPU.contains(&n) => {
            *vcpus = n;
            Ok(())
        }
        _ => Err(Reason::PickSize),
    }
}

fn set_group(g: &mut AutoScaling, count: u32, key: &str, v: &Value) -> Result<(), Reason> {
    match (key, v) {
        ("autoscaling.min", &Value::Int(n)) => {
            if n > g.max {
                return Err(Reason::NotAboveMax(g.max));
            }
            if n > count {
                return Err(Reason::NotAboveCount(count));
            }
            g.min = n;
        }
        ("autoscaling.max", &Value::Int(n)) => {
            if n < g.min {
                return Err(Reason::NotBelowMin(g.min));
            }
            if n < count {
                return Err(Reason::NotBelowCount(count));
            }
            g.max = n;
        }
        ("autoscaling.target_cpu_pct", &Value::Num(x)) => g.target_cpu_pct = x,
        ("autoscaling.boot_s", &Value::Num(x)) => g.boot_s = x,
        ("autoscaling.warmup_s", &Value::Num(x)) => g.warmup_s = x,
        ("autoscaling.cooldown_s", &Value::Num(x)) => g.cooldown_s = x,
        _ => return Err(Reason::NoSuchField),
    }
    Ok(())
}
