//! Presets about operating the service: elasticity, safe deployments, what availability costs,
//! and a retry storm that outlives its trigger. They reuse the path's app server (250 req/s
//! each) and database (2,000 req/s).

use super::presets::{app_server, clients, database, l4_lb, multi_az, Build, SEOUL};
use crate::model::*;

/// The step-3 design (users -> load balancer -> app tier -> database) with a given tier.
fn web(name: &str, rate_rps: f64, duration_s: f64, app: Kind, lb: Kind) -> Scenario {
    Build::new(name, rate_rps, duration_s)
        .region(SEOUL, 0.0, 900.0, 420.0, &["a"])
        .row(
            SEOUL,
            "a",
            vec![("users-1", clients(1.0)), ("lb-1", lb), ("app-1", app), ("db-1", database(None))],
        )
        .links(&[("users-1", "lb-1"), ("lb-1", "app-1"), ("app-1", "db-1")])
        .done()
}

/// A balancer that checks every 5 s and trusts a target after 2 passes, so that hosts join
/// within a lesson's minute; draining waits up to 30 s.
fn quick_lb() -> Kind {
    match l4_lb() {
        Kind::LoadBalancer(l) => Kind::LoadBalancer(LoadBalancer {
            health_check: HealthCheck {
                interval_s: 5.0,
                timeout_s: 2.0,
                unhealthy_threshold: 2,
                healthy_threshold: 2,
            },
            deregistration_delay_s: 30.0,
            ..l
        }),
        other => other,
    }
}

/// Two servers (500 req/s) at 300 req/s; at 60 s the load triples for four minutes. The group
/// (2 to 8 servers, 60 % CPU target, 30 s boot and warm-up, 60 s cooldown) lags: the queue
/// grows while new servers boot, then drains; after the spike it shrinks through draining.
pub fn spike_autoscaling() -> Scenario {
    let mut app = app_server(2);
    if let Kind::AppServer(a) = &mut app {
        a.autoscaling = Some(AutoScaling {
            min: 2,
            max: 8,
            target_cpu_pct: 60.0,
            boot_s: 30.0,
            warmup_s: 30.0,
            cooldown_s: 60.0,
        });
    }
    let mut s = web("Spike vs auto scaling", 300.0, 480.0, app, quick_lb());
    s.traffic.pattern = Pattern::Spike { at_s: 60.0, for_s: 240.0, factor: 3.0 };
    s.alarms.push(Alarm {
        id: "slow".into(),
        metric: AlarmMetric::P95Ms,
        above: true,
        threshold: 200.0,
        period_s: 10.0,
        evaluation_periods: 2,
        action: AlarmAction::Notify,
    });
    s
}

/// Four servers at 400 req/s get a version that fails 20 % of its requests, one server at a
/// time; an error-rate alarm (above 2 % for two 10 s periods) rolls it back.
pub fn rolling_bad_deploy() -> Scenario {
    let mut s = web("Rolling deploy of a bad version", 400.0, 300.0, app_server(4), quick_lb());
    s.alarms.push(Alarm {
        id: "errors".into(),
        metric: AlarmMetric::ErrorRatePct,
        above: true,
        threshold: 2.0,
        period_s: 10.0,
        evaluation_periods: 2,
        action: AlarmAction::Rollback,
    });
    s.deployments.push(Deployment {
        at_s: 60.0,
        tier: "app-1".into(),
        strategy: Strategy::Rolling { batch: 1, pause_s: 10.0 },
        version: Version { error_rate: 0.2, extra_ms: 0.0 },
        boot_s: 30.0,
        rollback_on: Some("errors".into()),
    });
    s
}

/// The two-zone design, priced: a standby database doubles the database bill and the second
/// zone's servers and balancer add theirs. Zone a fails at 120 s: what the money buys.
pub fn multi_az_cost() -> Scenario {
    let zone_a = || Target::Zone { region: SEOUL.to_string(), zone: "a".to_string() };
    let mut s = multi_az();
    s.name = "What multi-AZ costs".to_string();
    // Errors stop about 210 s after the failure (see `lesson`'s check): time to see it.
    s.run.duration_s = 420.0;
    s.faults.push(ScheduledFault { at_s: 120.0, action: FaultAction::Kill { target: zone_a() } });
    s.alarms.push(Alarm {
        id: "zone-a-servers".into(),
        metric: AlarmMetric::Healthy { component: "app-1".into() },
        above: false,
        threshold: 1.0,
        period_s: 10.0,
        evaluation_periods: 1,
        action: AlarmAction::Notify,
    });
    s
}

/// Metastable failure: two servers (500 req/s) at 350 req/s, users who give up after 2 s and
/// retry twice (the AWS SDKs' standard three attempts). At 30 s the load doubles for 10 s: the
/// backlogs (2,048 per server, about 8 s of work in all) fill past the users' 2 s, so every
/// answer comes too late, is retried, and the retries keep the servers saturated with work
/// nobody waits for, long after the spike is over. With retries off (one attempt) the same
/// spike is over in seconds; so it is with backlogs shorter than the users' timeout.
pub fn retry_storm() -> Scenario {
    let mut app = app_server(2);
    if let Kind::AppServer(a) = &mut app {
        a.backlog = 2048;
    }
    let mut s = web("Retry storm", 350.0, 180.0, app, quick_lb());
    s.traffic.pattern = Pattern::Spike { at_s: 30.0, for_s: 10.0, factor: 2.0 };
    if let Some(Kind::Clients(c)) = s.component_mut("users-1").map(|c| &mut c.kind) {
        c.timeout_ms = 2_000.0;
        c.retry = Retry::default();
    }
    s
}
