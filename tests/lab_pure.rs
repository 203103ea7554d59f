//! The running lab's pure helpers: the benchmark scenario, number entry, quantiles, log groups.

use archlab::engine::{ErrorCause, LogKind};
use archlab::model::{validate, Kind};
use archlab::ui::bench::scenario::{bench_scenario, BENCH_RATE_RPS};
use archlab::ui::bench::{quantile, requested, DEFAULT_SECONDS};
use archlab::ui::components::log::event_log::Group;
use archlab::ui::components::run::toolbar::parse_number;

#[test]
fn the_benchmark_scenario_is_valid_with_100_components_in_3_regions_at_20k() {
    let s = bench_scenario();
    assert_eq!(validate(&s), vec![]);
    assert_eq!(s.components.len(), 100);
    assert_eq!(s.regions.len(), 3);
    assert_eq!(s.traffic.rate_rps, BENCH_RATE_RPS);
    assert_eq!(BENCH_RATE_RPS, 20_000.0);
    for c in &s.components {
        let region = s.region(&c.place.region).unwrap();
        let zi = region.zones.iter().position(|z| z.name == c.place.zone).unwrap();
        assert!(region.zone_rect(zi).contains(c.x, c.y), "{} sits inside its zone", c.id);
    }
    assert_eq!(s.components.iter().filter(|c| matches!(c.kind, Kind::AppServer(_))).count(), 87);
}

#[test]
fn rate_entry_accepts_plain_and_grouped_numbers_only() {
    assert_eq!(parse_number("1000"), Some(1000.0));
    assert_eq!(parse_number("1,000,000"), Some(1_000_000.0));
    assert_eq!(parse_number(" 12.5 "), Some(12.5));
    for bad in ["", "abc", "1e400", "NaN", "inf", "12 req/s"] {
        assert_eq!(parse_number(bad), None, "{bad:?}");
    }
}

#[test]
fn nearest_rank_quantiles() {
    let xs: Vec<f64> = (1..=100).map(f64::from).collect();
    assert_eq!(quantile(&xs, 0.5), 50.0);
    assert_eq!(quantile(&xs, 0.95), 95.0);
    assert_eq!(quantile(&xs, 1.0), 100.0);
    assert_eq!(quantile(&[], 0.5), 0.0);
    assert_eq!(quantile(&[3.0, 1.0, 2.0], 0.5), 2.0);
}

#[test]
fn the_benchmark_page_is_asked_for_in_the_query() {
    assert_eq!(requested("?bench"), Some(DEFAULT_SECONDS));
    assert_eq!(requested("?x=1&bench=20"), Some(20));
    assert_eq!(requested("?bench=0"), Some(DEFAULT_SECONDS));
    assert_eq!(requested("?benchmark=3"), None);
    assert_eq!(requested(""), None);
}

#[test]
fn every_log_kind_falls_in_one_filter_group() {
    assert_eq!(Group::of(&LogKind::QueueFull), Group::Errors);
    assert_eq!(Group::of(&LogKind::Errors { cause: ErrorCause::Timeout, count: 3 }), Group::Errors);
    assert_eq!(Group::of(&LogKind::ComponentDown), Group::Faults);
    assert_eq!(Group::of(&LogKind::TargetUnhealthy { target: 1, server: 0, failures: 2 }), Group::Health);
}
