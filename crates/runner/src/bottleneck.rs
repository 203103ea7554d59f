//! The diagnosis as the runner prints it: `{"component": id or null, "kind": …, "evidence":
//! {…}, "saturated": [{id, kind, utilization, refusing_per_s}], "suggestion": …}`. The same
//! [`Diagnosis`] the live callout words.

use archlab_lab::analysis::{Diagnosis, Evidence, Observed, Suggestion};
use serde_json::{json, Value};

/// The JSON form of `d`.
pub fn to_json(d: &Diagnosis) -> Value {
    let saturated: Vec<Value> = d
        .saturated
        .iter()
        .map(|s| {
            json!({
                "component": s.id,
                "kind": s.kind.key(),
                "utilization": s.evidence.utilization,
                "refusing_per_s": s.refusing_per_s,
            })
        })
        .collect();
    json!({
        "component": d.id,
        "kind": d.kind.key(),
        "evidence": evidence(&d.evidence),
        "saturated": saturated,
        "suggestion": suggestion(d.suggestion),
    })
}

fn observed(o: &Observed) -> Value {
    json!({
        "utilization": o.utilization,
        "cpu_utilization": o.cpu_utilization,
        "worker_utilization": o.worker_utilization,
        "connection_utilization": o.connection_utilization,
        "queue_growth_per_s": o.queue_growth_per_s,
        "queue_now": o.queue_now,
        "latency_share": o.latency_share,
    })
}

fn evidence(e: &Evidence) -> Value {
    match e {
        Evidence::None => json!({}),
        Evidence::Saturated { observed: o, refusing_per_s, goodput_collapse } => {
            let mut v = observed(o);
            v["refusing_per_s"] = json!(refusing_per_s);
            v["goodput_collapse"] = match goodput_collapse {
                Some(g) => json!({ "goodput_rps": g.goodput_rps, "throughput_rps": g.throughput_rps }),
                None => Value::Null,
            };
            v
        }
        Evidence::Network { rtt_ms, users_region, served_region, p50_ms } => json!({
            "rtt_ms": rtt_ms, "users_region": users_region, "served_region": served_region, "p50_ms": p50_ms,
        }),
        Evidence::Outage { error_rate, down, place } => json!({
            "error_rate": error_rate, "down": down, "place": place,
        }),
        Evidence::Retries { attempts_per_request, error_rate } => json!({
            "attempts_per_request": attempts_per_request, "error_rate": error_rate,
        }),
        Evidence::Connections { processes, max_connections, refused_per_s } => json!({
            "processes": processes, "max_connections": max_connections, "refused_per_s": refused_per_s,
        }),
    }
}

/// A stable name for the suggested fix.
fn suggestion(s: Suggestion) -> Value {
    let name = match s {
        Suggestion::DbOwnServer => "db_own_server",
        Suggestion::ScaleOut => "scale_out",
        Suggestion::AddServers => "add_servers",
        Suggestion::MoreProcesses { .. } | Suggestion::MoreWorkers => "more_processes",
        Suggestion::DbBiggerClass { .. } => "bigger_db_class",
        Suggestion::DbProxy => "db_proxy",
        Suggestion::LeastConnections => "least_connections",
        Suggestion::NearerRegion => "nearer_region",
        Suggestion::FewerRetries => "fewer_retries",
        Suggestion::LbSpof => "second_load_balancer",
        Suggestion::Redundancy => "redundancy",
        Suggestion::None => return Value::Null,
    };
    name.into()
}
