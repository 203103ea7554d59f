//! Every request is accounted for: arrived = completed + failed + in flight, at every instant
//! we look, in runs that complete, time out and refuse requests. No warm-up cut here (the
//! totals then cover every request ever born, as `in_flight` does).

use archlab::engine::{ms, Sim};
use archlab::model::{FaultAction, Scenario, ScheduledFault, Target};

use super::build::{behind_a_balancer, db, station};
use super::stats::Report;

fn check(name: &str, s: &Scenario, until_ms: u64) {
    let mut sim = Sim::new(s, 3).expect("valid");
    let mut bad = Vec::new();
    let mut last = (0, 0, 0);
    for step in 1..=until_ms / 50 {
        sim.advance_to(ms(step as f64 * 50.0));
        let t = &sim.metrics().totals;
        let (a, c, f, i) = (t.arrived, t.completed, t.failed, sim.in_flight());
        if a != c + f + i || f != t.errors.total() {
            bad.push(format!(
                "at {} ms: arrived {a} != completed {c} + failed {f} + in flight {i} (errors {:?})",
                step * 50,
                t.errors
            ));
        }
        last = (a, c, f);
    }
    let mut r = Report::default();
    r.holds(
        "arrived = completed + failed + in flight",
        bad.is_empty() && last.0 > 0,
        format!(
            "{} of {} checks broke; at the end {last:?} (arrived, completed, failed); {:?}",
            bad.len(),
            until_ms / 50,
            bad.first()
        ),
    );
    r.finish(name);
}

#[test]
fn with_timeouts() {
    let mut st = station(1, 200.0, 100.0);
    st.timeout_ms = 1000.0;
    check("overload with 1 s timeouts", &st.scenario(), 15_000);
}

#[test]
fn with_full_queues() {
    let mut st = station(2, 300.0, 100.0);
    st.backlog = Some(3);
    check("M/M/2/5 at rho 1.5", &st.scenario(), 15_000);
}

#[test]
fn with_a_database_and_timeouts() {
    let mut st = station(4, 150.0, 100.0);
    st.processes = 8;
    st.timeout_ms = 200.0;
    st.rtt_ms = 2.0;
    check("tandem, slow database, 200 ms timeouts", &st.scenario_with(Some(db(2, 60.0, 1))), 15_000);
}

#[test]
fn with_faults() {
    let mut st = station(2, 150.0, 100.0);
    st.processes = 4;
    st.timeout_ms = 2000.0;
    let mut s = st.scenario_with(Some(db(4, 100.0, 1)));
    behind_a_balancer(&mut s, 0.5);
    let server = || Target::Server { id: "app".into(), index: 0 };
    let database = || Target::Component { id: "db".into() };
    s.faults = vec![
        ScheduledFault { at_s: 3.0, action: FaultAction::Kill { target: server() } },
        ScheduledFault { at_s: 5.0, action: FaultAction::Kill { target: database() } },
        ScheduledFault { at_s: 7.0, action: FaultAction::Revive { target: database() } },
        ScheduledFault { at_s: 9.0, action: FaultAction::Revive { target: server() } },
    ];
    check("load balancer, a host and the database killed and revived", &s, 15_000);
}
