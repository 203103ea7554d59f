//! Scenario validation: every problem is reported with the component and the field.

use archlab::model::*;

fn base() -> Scenario {
    let mut s = Scenario::empty("t");
    s.regions.push(Region {
        code: "ap-northeast-2".into(),
        rect: Rect { x: 0.0, y: 0.0, w: 900.0, h: 420.0 },
        zones: vec![Zone { name: "a".into() }, Zone { name: "b".into() }],
    });
    let a = Placement::new("ap-northeast-2", "a");
    let comp = |id: &str, kind| Component { id: id.into(), place: a.clone(), x: 0.0, y: 0.0, kind };
    s.components.push(comp("users", Kind::Clients(Clients::default())));
    s.components.push(comp("lb-1", Kind::LoadBalancer(LoadBalancer::default())));
    s.components.push(comp("app-1", Kind::AppServer(AppServer::default())));
    s.components.push(comp("db-1", Kind::Database(Database::default())));
    for (f, t) in [("users", "lb-1"), ("lb-1", "app-1"), ("app-1", "db-1")] {
        s.links.push(Link { from: f.into(), to: t.into(), rtt_ms: None });
    }
    s
}

/// Applies `edit` to a valid scenario and expects exactly the diagnostics `expect` (as text).
fn check(edit: impl FnOnce(&mut Scenario), expect: &[&str]) {
    let mut s = base();
    assert!(validate(&s).is_empty(), "base scenario is valid: {:?}", validate(&s));
    edit(&mut s);
    let got: Vec<String> = validate(&s).iter().map(ToString::to_string).collect();
    assert_eq!(got, expect);
}

fn lb(s: &mut Scenario) -> &mut LoadBalancer {
    match &mut s.component_mut("lb-1").unwrap().kind {
        Kind::LoadBalancer(l) => l,
        _ => unreachable!(),
    }
}

fn app(s: &mut Scenario) -> &mut AppServer {
    match &mut s.component_mut("app-1").unwrap().kind {
        Kind::AppServer(a) => a,
        _ => unreachable!(),
    }
}

#[test]
fn health_check_interval_must_be_positive() {
    check(
        |s| lb(s).health_check.interval_s = 0.0,
        &[
            "lb-1.health_check.interval_s: must be between 1 and 300 (got 0)",
            "lb-1.health_check.timeout_s: must be shorter than the interval",
        ],
    );
}

#[test]
fn nan_and_infinity_are_named() {
    check(|s| app(s).cpu_ms = f64::NAN, &["app-1.cpu_ms: must be a finite number"]);
    check(|s| s.traffic.rate_rps = f64::INFINITY, &["traffic.rate_rps: must be a finite number"]);
}

#[test]
fn processes_out_of_range() {
    check(|s| app(s).processes = 0, &["app-1.processes: must be between 1 and 64 (got 0)"]);
    check(|s| app(s).processes = 65, &["app-1.processes: must be between 1 and 64 (got 65)"]);
}

#[test]
fn absurd_rate_is_refused() {
    check(
        |s| s.traffic.rate_rps = 1e12,
        &["traffic.rate_rps: must be between 0 and 1000000 (got 1000000000000)"],
    );
}

#[test]
fn loops_and_nonsense_links_are_refused() {
    check(
        |s| s.links.push(Link { from: "app-1".into(), to: "lb-1".into(), rtt_ms: None }),
        &["links.app-1->lb-1: an app server sends requests only to databases"],
    );
    check(
        |s| s.links.push(Link { from: "db-1".into(), to: "users".into(), rtt_ms: None }),
        &["links.db-1->users: nothing sends requests to clients: they only start them"],
    );
    check(
        |s| s.links.push(Link { from: "app-1".into(), to: "app-1".into(), rtt_ms: None }),
        &["links.app-1->app-1: a component cannot link to itself"],
    );
    check(|s| s.links.push(s.links[0].clone()), &["links.users->lb-1: duplicate link"]);
}

/// An id that holds a bidi override or a zero-width space is shown escaped in the message, so
/// it cannot reorder or hide part of the lab's sentence.
#[test]
fn invisible_and_bidi_characters_in_ids_are_shown_escaped() {
    check(
        |s| s.links.push(Link { from: "app-1".into(), to: "evil\u{202e}1".into(), rtt_ms: None }),
        &["links.app-1->evil\\u{202e}1: no component evil\\u{202e}1"],
    );
    check(
        |s| s.links.push(Link { from: "zw\u{200b}".into(), to: "db-1".into(), rtt_ms: None }),
        &["links.zw\\u{200b}->db-1: no component zw\\u{200b}"],
    );
}

#[test]
fn references_must_exist() {
    check(
        |s| s.components[2].place = Placement::new("ap-northeast-2", "z"),
        &["app-1.place: zone ap-northeast-2z is not in the scenario"],
    );
    check(
        |s| s.regions[0].code = "mars-1".into(),
        &[
            "regions.mars-1: is not a region in the catalog",
            "users.place: zone ap-northeast-2a is not in the scenario",
            "lb-1.place: zone ap-northeast-2a is not in the scenario",
            "app-1.place: zone ap-northeast-2a is not in the scenario",
            "db-1.place: zone ap-northeast-2a is not in the scenario",
        ],
    );
}

#[test]
fn hostile_ids_are_refused_not_echoed_raw() {
    check(
        |s| s.components[0].id = "<script>".into(),
        &[
            "components.<script>: an id is 1-32 letters, digits, '-' or '_'",
            "links.users->lb-1: no component users",
        ],
    );
}

#[test]
fn too_many_components() {
    check(
        |s| {
            let c = s.components[2].clone();
            s.components = (0..100_000).map(|i| Component { id: format!("a{i}"), ..c.clone() }).collect();
            s.links.clear();
        },
        &["components: at most 200 components (got 100000)"],
    );
}
