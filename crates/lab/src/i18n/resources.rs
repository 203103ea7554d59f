//! A component's resources worded apart: "CPU 93 % · workers 16 %" for an app tier, "CPU 100 %
//! · connections 28 %" for a database, and the one that limits ("CPU 93 %") for its card on the
//! canvas. The engine meters cores, workers and connections separately (`ComponentView`); one
//! "utilisation" would hide which is full, and the fix differs (more servers against more
//! processes, a bigger class against a proxy).

use super::{tf, Key, Lang};
use crate::engine::ComponentView;
use crate::model::Kind;

/// The second resource a component of `kind` has beside its cores, if it has cores at all.
fn second(kind: &Kind, v: &ComponentView) -> Option<(Key, f64)> {
    match kind {
        Kind::AppServer(_) => Some((Key::ResWorkers, v.worker_utilization)),
        Kind::Database(_) => Some((Key::ResConnections, v.connection_utilization)),
        _ => None,
    }
}

/// A busy fraction as a whole percentage, as the canvas and the detail panel show it.
fn whole(fraction: f64) -> String {
    let p = if fraction.is_finite() { (fraction * 100.0).clamp(0.0, 999.0) } else { 0.0 };
    format!("{p:.0}")
}

/// "CPU 93 % · workers 16 %" (app tiers) or "CPU 100 % · connections 28 %" (databases);
/// `None` for components without cores (clients, DNS, load balancers).
pub fn describe_resources(lang: Lang, kind: &Kind, v: &ComponentView) -> Option<String> {
    let (key, other) = second(kind, v)?;
    Some(format!(
        "{} · {}",
        tf(lang, Key::ResCpu, &[&whole(v.cpu_utilization)]),
        tf(lang, key, &[&whole(other)])
    ))
}

/// The resource that limits, named: "CPU 93 %" or "workers 100 %" (cores win a tie, since
/// busy cores are what more processes cannot fix); a bare "40 %" for a component without
/// cores, whose only resource is its utilisation.
pub fn limiting_resource(lang: Lang, kind: &Kind, v: &ComponentView) -> String {
    match second(kind, v) {
        Some((key, other)) if other > v.cpu_utilization => tf(lang, key, &[&whole(other)]),
        Some(_) => tf(lang, Key::ResCpu, &[&whole(v.cpu_utilization)]),
        None => format!("{} %", whole(v.utilization)),
    }
}
