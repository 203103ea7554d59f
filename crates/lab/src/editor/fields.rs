//! The inspector's field model: what each kind of component shows, with units and ranges,
//! and the parsing that stands between what the user types and the scenario.
//!
//! The inspector validates as the user types by calling [`apply_field`]: an invalid value
//! returns a [`FieldError`] to show next to the field and changes nothing; a valid one is one
//! undo step. Ranges here are the same as `model::validate`'s, which still runs on the result
//! (through [`Editor::edit`]) to catch rules between fields.

use super::{Editor, Reason, Refusal};
use crate::model::{
    DnsPolicy, HealthCheck, Kind, LbAlgorithm, LbLayer, Named, Scenario, ServiceDist, LIMITS,
};
use archlab_engine::catalog::rtt_ms;

/// How a field is edited.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Int {
        min: u32,
        max: u32,
    },
    /// A finite number in [min, max], or (min, max] when `min_exclusive`.
    Number {
        min: f64,
        max: f64,
        min_exclusive: bool,
    },
    Choice(&'static [&'static str]),
    Bool,
    Text,
    /// Shown, not editable (a database's role, its primary, its shared host).
    ReadOnly,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Dotted key, as in validation paths: "processes", "health_check.interval_s".
    pub key: &'static str,
    /// i18n key of the label: "field.processes".
    pub label: String,
    pub unit: Option<&'static str>,
    pub input: Input,
    /// The current value as the input shows it.
    pub value: String,
}

/// Why a typed value was not applied; `reason`, worded by `crate::i18n::describe_reason`, is
/// shown next to the field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub key: String,
    pub reason: Reason,
}

const DNS_POLICIES: &[&str] = &["latency", "failover", "round_robin"];
const LAYERS: &[&str] = &["l4", "l7"];
const ALGORITHMS: &[&str] = &["round_robin", "least_connections", "random", "power_of_two", "weighted"];
const SERVICE: &[&str] = &["exponential", "constant"];
const BOOL: &[&str] = &["false", "true"];

fn num(min: f64, max: f64) -> Input {
    Input::Number { min, max, min_exclusive: false }
}
fn pos(max: f64) -> Input {
    Input::Number { min: 0.0, max, min_exclusive: true }
}
fn int(min: u32, max: u32) -> Input {
    Input::Int { min, max }
}

const HEALTH: [(&str, Option<&str>); 4] = [
    ("health_check.interval_s", Some("s")),
    ("health_check.timeout_s", Some("s")),
    ("health_check.unhealthy_threshold", None),
    ("health_check.healthy_threshold", None),
];

fn health_input(key: &str) -> Input {
    match key {
        "health_check.interval_s" => num(1.0, 300.0),
        "health_check.timeout_s" => pos(120.0),
        _ => int(1, 10),
    }
}

/// The fields of one kind, in display order (without "id", which every component has).
fn specs(kind: &Kind) -> Vec<(&'static str, Option<&'static str>, Input)> {
    let mut v = match kind {
        Kind::Clients(_) => {
            vec![
                ("weight", None, num(0.0, 1000.0)),
                ("timeout_ms", Some("ms"), pos(600_000.0)),
                // 0: many users, a connection per request (`connections: None`).
                ("connections", None, int(0, LIMITS.connections)),
                ("connect_timeout_ms", Some("ms"), pos(600_000.0)),
                ("retry.max_attempts", None, int(1, LIMITS.attempts)),
                ("retry.base_ms", Some("ms"), num(0.0, 600_000.0)),
                ("retry.cap_ms", Some("ms"), num(0.0, 600_000.0)),
            ]
        }
        Kind::Dns(_) => {
            vec![("policy", None, Input::Choice(DNS_POLICIES)), ("ttl_s", Some("s"), num(0.0, 86_400.0))]
        }
        Kind::LoadBalancer(_) => vec![
            ("layer", None, Input::Choice(LAYERS)),
            ("algorithm", None, Input::Choice(ALGORITHMS)),
            ("fail_open", None, Input::Bool),
            ("cross_zone", None, Input::Bool),
        ],
        Kind::AppServer(_) => vec![
            ("count", None, int(1, LIMITS.count)),
            ("vcpus", Some("vCPU"), int(1, LIMITS.vcpus)),
            ("processes", None, int(1, LIMITS.processes)),
            ("cpu_ms", Some("ms"), pos(LIMITS.service_ms)),
            ("service", None, Input::Choice(SERVICE)),
            ("db_queries", None, int(0, 50)),
            ("write_ratio", Some("%"), num(0.0, 100.0)),
            ("backlog", None, int(0, LIMITS.queue)),
            ("restart_delay_s", Some("s"), num(0.0, 3600.0)),
        ],
        Kind::Database(_) => vec![
            ("role", None, Input::ReadOnly),
            ("primary", None, Input::ReadOnly),
            ("host", None, Input::ReadOnly),
            ("vcpus", Some("vCPU"), int(1, LIMITS.vcpus)),
            ("max_connections", None, int(1, LIMITS.connections)),
            ("proxy", None, Input::Bool),
            ("query_ms", Some("ms"), pos(LIMITS.service_ms)),
            ("query_cpu_fraction", Some("%"), num(0.0, 100.0)),
            ("service", None, Input::Choice(SERVICE)),
            ("queue_limit", None, int(0, LIMITS.queue)),
            ("failover_s", Some("s"), num(0.0, 3600.0)),
        ],
    };
    if matches!(kind, Kind::Dns(_) | Kind::LoadBalancer(_)) {
        v.extend(HEALTH.iter().map(|&(k, u)| (k, u, health_input(k))));
    }
    v.extend(super::fields_operate::specs(kind));
    v
}

/// Prints a number without float noise (0.2 * 100 shows "20", not "20.000000000000004").
pub(super) fn fmt_num(x: f64) -> String {
    ((x * 1e9).round() / 1e9).to_string()
}

fn name<T: Named>(v: &T) -> String {
    v.name().to_string()
}

fn health_get(h: &HealthCheck, key: &str) -> Option<String> {
    Some(match key {
        "health_check.interval_s" => fmt_num(h.interval_s),
        "health_check.timeout_s" => fmt_num(h.timeout_s),
        "health_check.unhealthy_threshold" => h.unhealthy_threshold.to_string(),
        "health_check.healthy_threshold" => h.healthy_threshold.to_string(),
        _ => return None,
    })
}

fn get(kind: &Kind, key: &str) -> Option<String> {
    if let Some(v) = super::fields_operate::get(kind, key) {
        return Some(v);
    }
    Some(match (kind, key) {
        (Kind::Clients(c), "weight") => fmt_num(c.weight),
        (Kind::Clients(c), "timeout_ms") => fmt_num(c.timeout_ms),
        (Kind::Clients(c), "connections") => c.connections.unwrap_or(0).to_string(),
        (Kind::Clients(c), "connect_timeout_ms") => fmt_num(c.connect_timeout_ms),
        (Kind::Clients(c), "retry.max_attempts") => c.retry.max_attempts.to_string(),
        (Kind::Clients(c), "retry.base_ms") => fmt_num(c.retry.base_ms),
        (Kind::Clients(c), "retry.cap_ms") => fmt_num(c.retry.cap_ms),
        (Kind::Dns(d), "policy") => name(&d.policy),
        (Kind::Dns(d), "ttl_s") => fmt_num(d.ttl_s),
        (Kind::Dns(d), k) => health_get(&d.health_check, k)?,
        (Kind::LoadBalancer(l), "layer") => name(&l.layer),
        (Kind::LoadBalancer(l), "algorithm") => name(&l.algorithm),
        (Kind::LoadBalancer(l), "fail_open") => l.fail_open.to_string(),
        (Kind::LoadBalancer(l), "cross_zone") => l.cross_zone.to_string(),
        (Kind::LoadBalancer(l), k) => health_get(&l.health_check, k)?,
        (Kind::AppServer(a), "count") => a.count.to_string(),
        (Kind::AppServer(a), "vcpus") => a.vcpus.to_string(),
        (Kind::AppServer(a), "processes") => a.processes.to_string(),
        (Kind::AppServer(a), "cpu_ms") => fmt_num(a.cpu_ms),
        (Kind::AppServer(a), "service") => name(&a.service),
        (Kind::AppServer(a), "db_queries") => a.db_queries.to_string(),
        (Kind::AppServer(a), "write_ratio") => fmt_num(a.write_ratio * 100.0),
        (Kind::AppServer(a), "backlog") => a.backlog.to_string(),
        (Kind::AppServer(a), "restart_delay_s") => fmt_num(a.restart_delay_s),
        (Kind::Database(d), "role") => name(&d.role),
        (Kind::Database(d), "primary") => d.primary.clone().unwrap_or_default(),
        (Kind::Database(d), "host") => d.host.clone().unwrap_or_default(),
        (Kind::Database(d), "vcpus") => d.vcpus.to_string(),
        (Kind::Database(d), "max_connections") => d.max_connections.to_string(),
        (Kind::Database(d), "proxy") => d.proxy.to_string(),
        (Kind::Database(d), "query_cpu_fraction") => fmt_num(d.query_cpu_fraction * 100.0),
        (Kind::Database(d), "query_ms") => fmt_num(d.query_ms),
        (Kind::Database(d), "service") => name(&d.service),
        (Kind::Database(d), "queue_limit") => d.queue_limit.to_string(),
        (Kind::Database(d), "failover_s") => fmt_num(d.failover_s),
        _ => return None,
    })
}

/// The inspector rows for one component, id first.
pub fn fields_for(c: &crate::model::Component) -> Vec<Field> {
    let id =
        Field { key: "id", label: "field.id".into(), unit: None, input: Input::Text, value: c.id.clone() };
    let rest = specs(&c.kind).into_iter().map(|(key, unit, input)| Field {
        key,
        label: format!("field.{key}"),
        unit,
        input,
        value: get(&c.kind, key).unwrap_or_default(),
    });
    std::iter::once(id).chain(rest).collect()
}

/// A parsed value, already checked against the field's range.
#[derive(Clone, Copy)]
pub(super) enum Value {
    Int(u32),
    Num(f64),
    Choice(&'static str),
}

fn parse(input: &Input, text: &str) -> Result<Value, Reason> {
    let t = text.trim();
    match *input {
        Input::Int { min, max } => {
            let n: u32 = t.parse().map_err(|_| Reason::WholeFrom { min, max })?;
            if n < min || n > max {
                return Err(Reason::Between { min: min.into(), max: max.into() });
            }
            Ok(Value::Int(n))
        }
        Input::Number { min, max, min_exclusive } => {
            let x = super::parse_decimal(t).map_err(super::operate_forms::number_reason)?;
            if min_exclusive && x <= min {
                return Err(Reason::MoreThan { min, max });
            }
            if x < min || x > max {
                return Err(Reason::Between { min, max });
            }
            Ok(Value::Num(x))
        }
        Input::Choice(options) => {
            options.iter().find(|o| **o == t).map(|o| Value::Choice(o)).ok_or(Reason::PickChoice)
        }
        Input::Bool => BOOL.iter().find(|o| **o == t).map(|o| Value::Choice(o)).ok_or(Reason::TrueOrFalse),
        Input::Text | Input::ReadOnly => Err(Reason::NotEditable),
    }
}

fn from_name<T: Named>(s: &str) -> Result<T, Reason> {
    T::from_name(s).ok_or(Reason::PickChoice)
}

fn health_set(h: &mut HealthCheck, key: &str, v: &Value) -> Result<(), Reason> {
    match (key, v) {
        ("health_check.interval_s", &Value::Num(x)) => {
            if h.timeout_s >= x {
                return Err(Reason::LongerThanTimeout(h.timeout_s));
            }
            h.interval_s = x;
        }
        ("health_check.timeout_s", &Value::Num(x)) => {
            if x >= h.interval_s {
                return Err(Reason::ShorterThanInterval(h.interval_s));
            }
            h.timeout_s = x;
        }
        ("health_check.unhealthy_threshold", &Value::Int(n)) => h.unhealthy_threshold = n,
        ("health_check.healthy_threshold", &Value::Int(n)) => h.healthy_threshold = n,
        _ => return Err(Reason::NoSuchField),
    }
    Ok(())
}

fn set(kind: &mut Kind, key: &str, v: Value) -> Result<(), Reason> {
    use Value::*;
    if let Some(r) = super::fields_operate::set(kind, key, &v) {
        return r;
    }
    match (kind, key, v) {
        (Kind::Clients(c), "weight", Num(x)) => c.weight = x,
        (Kind::Clients(c), "timeout_ms", Num(x)) => c.timeout_ms = x,
        (Kind::Clients(c), "connections", Int(n)) => c.connections = (n > 0).then_some(n),
        (Kind::Clients(c), "connect_timeout_ms", Num(x)) => c.connect_timeout_ms = x,
        (Kind::Clients(c), "retry.max_attempts", Int(n)) => c.retry.max_attempts = n,
        (Kind::Clients(c), "retry.base_ms", Num(x)) => c.retry.base_ms = x,
        (Kind::Clients(c), "retry.cap_ms", Num(x)) => c.retry.cap_ms = x,
        (Kind::Dns(d), "policy", Choice(s)) => d.policy = from_name::<DnsPolicy>(s)?,
        (Kind::Dns(d), "ttl_s", Num(x)) => d.ttl_s = x,
        (Kind::Dns(d), k, v) => health_set(&mut d.health_check, k, &v)?,
        // Fail-open and cross-zone still at the old layer's defaults follow the new layer.
        (Kind::LoadBalancer(l), "layer", Choice(s)) => l.set_layer(from_name::<LbLayer>(s)?),
        (Kind::LoadBalancer(l), "algorithm", Choice(s)) => l.algorithm = from_name::<LbAlgorithm>(s)?,
        (Kind::LoadBalancer(l), "fail_open", Choice(s)) => l.fail_open = s == "true",
        (Kind::LoadBalancer(l), "cross_zone", Choice(s)) => l.cross_zone = s == "true",
        (Kind::LoadBalancer(l), k, v) => health_set(&mut l.health_check, k, &v)?,
        (Kind::AppServer(a), "count", Int(n)) => {
            if let Some(g) = a.autoscaling.as_ref().filter(|g| n < g.min || n > g.max) {
                return Err(Reason::CountOutsideGroup { min: g.min, max: g.max });
            }
            a.count = n
        }
        (Kind::AppServer(a), "vcpus", Int(n)) => a.vcpus = n,
        (Kind::AppServer(a), "processes", Int(n)) => a.processes = n,
        (Kind::AppServer(a), "cpu_ms", Num(x)) => a.cpu_ms = x,
        (Kind::AppServer(a), "service", Choice(s)) => a.service = from_name::<ServiceDist>(s)?,
        (Kind::AppServer(a), "db_queries", Int(n)) => a.db_queries = n,
        (Kind::AppServer(a), "write_ratio", Num(x)) => a.write_ratio = x / 100.0,
        (Kind::AppServer(a), "backlog", Int(n)) => a.backlog = n,
        (Kind::AppServer(a), "restart_delay_s", Num(x)) => a.restart_delay_s = x,
        (Kind::Database(d), "vcpus", Int(n)) => d.vcpus = n,
        (Kind::Database(d), "max_connections", Int(n)) => d.max_connections = n,
        (Kind::Database(d), "proxy", Choice(s)) => d.proxy = s == "true",
        (Kind::Database(d), "query_cpu_fraction", Num(x)) => d.query_cpu_fraction = x / 100.0,
        (Kind::Database(d), "query_ms", Num(x)) => d.query_ms = x,
        (Kind::Database(d), "service", Choice(s)) => d.service = from_name::<ServiceDist>(s)?,
        (Kind::Database(d), "queue_limit", Int(n)) => d.queue_limit = n,
        (Kind::Database(d), "failover_s", Num(x)) => d.failover_s = x,
        _ => return Err(Reason::NoSuchField),
    }
    Ok(())
}

/// Parses `text` for field `key` of component `id` and applies it as one undo step, or
/// returns why not and changes nothing.
pub fn apply_field(ed: &mut Editor, id: &str, key: &str, text: &str) -> Result<(), FieldError> {
    if key == "id" {
        let err = |reason: Reason| FieldError { key: key.to_string(), reason };
        if ed.scenario.component(id).is_none() {
            return Err(err(Reason::NoComponent(id.to_string())));
        }
        return ed.rename(id, text).map_err(|r| err(r.reason));
    }
    apply_field_to_all(ed, &[id.to_string()], key, text)
}

/// The value `text` would set in field `key` of component `id`, checked as [`apply_field`]
/// checks it, without changing anything.
fn checked_value(s: &Scenario, id: &str, key: &str, text: &str) -> Result<Value, Reason> {
    let Some(c) = s.component(id) else { return Err(Reason::NoComponent(id.to_string())) };
    if key == "role" && matches!(c.kind, Kind::Database(_)) {
        return Err(Reason::RoleFixed);
    }
    let Some((_, _, input)) = specs(&c.kind).into_iter().find(|(k, _, _)| *k == key) else {
        return Err(Reason::NoFieldOf { id: id.to_string(), key: key.to_string() });
    };
    let value = parse(&input, text)?;
    if let (Kind::AppServer(_), Value::Int(n)) = (&c.kind, &value) {
        let shared = s.components.iter().find(|d| match &d.kind {
            Kind::Database(db) => db.host.as_deref() == Some(id),
            _ => false,
        });
        if let (Some(db), true) = (shared, key == "count" && *n > 1) {
            return Err(Reason::SharedHost(db.id.clone()));
        }
    }
    Ok(value)
}

/// Applies `text` to field `key` of every component in `ids` as one undo step (the inspector
/// of a selection of one kind), or refuses with the first component's reason and changes
/// nothing. Names are not shared: "id" is refused here.
pub fn apply_field_to_all(ed: &mut Editor, ids: &[String], key: &str, text: &str) -> Result<(), FieldError> {
    let err = |reason: Reason| FieldError { key: key.to_string(), reason };
    if key == "id" {
        return Err(err(Reason::NotEditable));
    }
    let values = ids
        .iter()
        .map(|id| checked_value(&ed.scenario, id, key, text).map(|v| (id, v)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    ed.edit(|s| {
        for (id, value) in values {
            let c = s.component_mut(id).ok_or_else(|| Refusal::new(Reason::NoComponent(id.to_string())))?;
            set(&mut c.kind, key, value).map_err(Refusal::new)?;
        }
        Ok(())
    })
    .map_err(|r| err(r.reason))
}

/// The fields that every component of `ids` has, when they are all of one kind (app tiers,
/// balancers, databases of one role…) and more than one: the inspector edits them together.
/// A value they share shows as it is; one that differs shows empty. Names and read-only rows
/// are left out.
pub fn shared_fields(s: &Scenario, ids: &[String]) -> Option<Vec<Field>> {
    let cs: Vec<&crate::model::Component> = ids.iter().filter_map(|id| s.component(id)).collect();
    let first = cs.first()?;
    let same_kind = |c: &&crate::model::Component| match (&c.kind, &first.kind) {
        (Kind::Database(a), Kind::Database(b)) => a.role == b.role,
        (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
    };
    if cs.len() < 2 || cs.len() != ids.len() || !cs.iter().all(same_kind) {
        return None;
    }
    let rows = specs(&first.kind)
        .into_iter()
        .filter(|(key, _, input)| {
            *input != Input::ReadOnly && cs.iter().all(|c| specs(&c.kind).iter().any(|(k, _, _)| k == key))
        })
        .map(|(key, unit, input)| {
            let values: Vec<String> = cs.iter().map(|c| get(&c.kind, key).unwrap_or_default()).collect();
            let value =
                if values.iter().all(|v| *v == values[0]) { values[0].clone() } else { String::new() };
            Field { key, label: format!("field.{key}"), unit, input, value }
        })
        .collect();
    Some(rows)
}

/// The round-trip time the inspector shows for the link `from → to`: its override, or the
/// catalog's latency between the two placements. `None` if there is no such link.
pub fn link_info(s: &Scenario, from: &str, to: &str) -> Option<f64> {
    let link = s.links.iter().find(|l| l.from == from && l.to == to)?;
    let (a, b) = (s.component(from)?, s.component(to)?);
    Some(link.rtt_ms.unwrap_or_else(|| rtt_ms(&a.place, &b.place)))
}
