//! The live charts' data: which seconds a chart shows, its scale, and its lines.

use std::collections::VecDeque;

use archlab::engine::{ErrorCounts, SecondStats};
use archlab::i18n::Lang;
use archlab::ui::components::dashboard::window::{
    axis_number, chart_data, error_percent, nearest, nice_ceiling, window, ChartKind,
};

fn row(second: u64, completed: u64) -> SecondStats {
    SecondStats { second, completed, ..SecondStats::default() }
}

fn series(seconds: impl IntoIterator<Item = u64>) -> VecDeque<SecondStats> {
    seconds.into_iter().map(|s| row(s, s * 10)).collect()
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("c-{i}")).collect()
}

#[test]
fn an_empty_series_gives_an_empty_window() {
    assert!(window(&VecDeque::new(), 120).is_empty());
    let d = chart_data(ChartKind::Throughput, &[], 120, &[], Lang::En);
    assert_eq!((d.x0, d.x1), (0.0, 120.0));
    assert_eq!(d.y_max, 10.0, "an empty chart still has a scale");
    assert!(d.lines.iter().all(|l| l.points.is_empty()));
}

#[test]
fn the_window_keeps_exactly_the_last_span_seconds() {
    let s = series(0..600);
    let w = window(&s, 120);
    assert_eq!(w.len(), 120);
    assert_eq!(w.first().unwrap().second, 480);
    assert_eq!(w.last().unwrap().second, 599);
}

#[test]
fn a_short_run_shows_every_second_on_a_full_width_axis() {
    let s = series(0..7);
    let w = window(&s, 120);
    assert_eq!(w.len(), 7);
    let d = chart_data(ChartKind::Throughput, &w, 120, &[], Lang::En);
    // The axis is always `span` wide; until the run is that long it starts at zero.
    assert_eq!((d.x0, d.x1), (0.0, 120.0));
    let long = series(0..200);
    let d = chart_data(ChartKind::Throughput, &window(&long, 120), 120, &[], Lang::En);
    assert_eq!((d.x0, d.x1), (80.0, 200.0), "then it scrolls, ending after the last second");
}

#[test]
fn a_gap_in_the_series_is_not_squeezed_out() {
    // Seconds 0..10 then 200..205: a 120 s window ending at 204 starts at 85 and holds only
    // the late seconds.
    let s: VecDeque<SecondStats> = series((0..10).chain(200..205));
    let w = window(&s, 120);
    assert_eq!(w.iter().map(|r| r.second).collect::<Vec<_>>(), vec![200, 201, 202, 203, 204]);
}

#[test]
fn nice_ceilings_are_one_two_or_five_times_a_power_of_ten() {
    for (v, want) in [
        (0.0, 1.0),
        (0.7, 1.0),
        (1.0, 1.0),
        (1.01, 2.0),
        (3.0, 5.0),
        (7.0, 10.0),
        (120.0, 200.0),
        (20_001.0, 50_000.0),
    ] {
        assert_eq!(nice_ceiling(v, 0.0), want, "nice_ceiling({v})");
    }
    assert_eq!(nice_ceiling(3.0, 10.0), 10.0, "the floor wins over small values");
    assert_eq!(nice_ceiling(f64::NAN, 10.0), 10.0);
}

#[test]
fn throughput_lines_follow_the_rows_and_the_scale_covers_them() {
    let s = series(0..60);
    let w = window(&s, 120);
    let d = chart_data(ChartKind::Throughput, &w, 120, &[], Lang::En);
    let served = &d.lines[0];
    assert_eq!(served.points.len(), 60);
    assert_eq!(served.points[59], (59.0, 590.0));
    // 590 x 1.3 headroom = 767 -> 1,000.
    assert_eq!(d.y_max, 1000.0);
    assert_eq!(d.unit, "req/s");
    let flat = series(0..1);
    let d = chart_data(ChartKind::Throughput, &window(&flat, 120), 120, &[], Lang::En);
    assert_eq!(d.y_max, 10.0, "the floor when nothing is served yet");
}

#[test]
fn error_rate_is_per_cause_share_of_finished_requests() {
    let mut r = row(0, 90);
    r.errors = ErrorCounts { timeout: 5, queue_full: 5, ..ErrorCounts::default() };
    assert_eq!(error_percent(&r, archlab::engine::ErrorCause::Timeout), 5.0);
    assert_eq!(error_percent(&r, archlab::engine::ErrorCause::QueueFull), 5.0);
    assert_eq!(error_percent(&r, archlab::engine::ErrorCause::Refused), 0.0);
    assert_eq!(error_percent(&row(0, 0), archlab::engine::ErrorCause::Timeout), 0.0);
    let d = chart_data(ChartKind::Errors, &[&r], 120, &[], Lang::En);
    let labels: Vec<&str> = d.lines.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, vec!["Timeout", "Queue full"], "only the causes that happened");
    assert_eq!(d.unit, "%");
    let quiet = chart_data(ChartKind::Errors, &[&row(0, 5)], 120, &[], Lang::En);
    assert_eq!(quiet.lines.len(), 1, "a flat zero line when nothing failed");
    let mut all = row(0, 0);
    all.errors.refused = 50;
    let d = chart_data(ChartKind::Errors, &[&all], 120, &[], Lang::En);
    assert_eq!(d.y_max, 100.0, "a share tops out at 100%");
}

#[test]
fn per_component_charts_show_the_busiest_three_by_window_mean() {
    // Component i is i*10% busy, except component 0, which is 95% busy only in the last second.
    let rows: VecDeque<SecondStats> = (0..10)
        .map(|s| {
            let mut r = row(s, 0);
            r.utilization = (0..8).map(|i| i as f32 * 0.1).collect();
            if s == 9 {
                r.utilization[0] = 0.95;
            }
            r.queue = (0..8).map(|i| (8 - i) as f32).collect();
            r
        })
        .collect();
    let w = window(&rows, 120);
    let d = chart_data(ChartKind::Utilization, &w, 120, &ids(8), Lang::En);
    let labels: Vec<&str> = d.lines.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, vec!["c-7", "c-6", "c-5"]);
    assert_eq!(d.y_max, 100.0, "utilisation is always drawn on 0-100%");
    assert!((d.lines[0].points[0].1 - 70.0).abs() < 1e-4);
    let q = chart_data(ChartKind::Queue, &w, 120, &ids(8), Lang::En);
    assert_eq!(q.lines[0].label, "c-0");
    assert_eq!(q.y_max, 20.0, "queue 8 x 1.3 headroom = 10.4 -> 20");
}

#[test]
fn hover_picks_the_nearest_second() {
    let pts = [(10.0, 1.0), (11.0, 2.0), (12.0, 3.0)];
    assert_eq!(nearest(&pts, 10.4), Some(0));
    assert_eq!(nearest(&pts, 10.6), Some(1));
    assert_eq!(nearest(&pts, 99.0), Some(2));
    assert_eq!(nearest(&[], 1.0), None);
}

#[test]
fn axis_labels_stay_short() {
    for (v, want) in [
        (0.0, "0"),
        (0.5, "0.50"),
        (2.5, "2.5"),
        (50.0, "50"),
        (250.0, "250"),
        (5_000.0, "5,000"),
        (20_000.0, "20k"),
        (25_000.0, "25k"),
        (500_000.0, "500k"),
        (1_000_000.0, "1M"),
        (2_500_000.0, "2.5M"),
    ] {
        assert_eq!(axis_number(v), want, "axis_number({v})");
    }
}
