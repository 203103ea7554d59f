//! The selected component's numbers: arrivals, completions, utilisation (the limiting resource)
//! and, apart, its cores and its workers or connections, mean and current queue, and its share
//! of the response time.

use yew::prelude::*;

use super::insights::Reading;
use crate::engine::Health;
use crate::i18n::{describe_resources, format_number, format_percent, format_rate, t, Key, Lang};
use crate::ui::state::runtime::Runtime;

/// A plain function of the insights panel, not a component: it holds no state of its own.
pub fn detail(lang: Lang, rt: &Runtime, reading: &Reading, selected: Option<usize>) -> Html {
    let Some((i, c)) = selected.and_then(|i| Some((i, rt.scenario().components.get(i)?))) else {
        return html! { <section class="detail quiet" data-testid="detail">{ t(lang, Key::SelectForDetail) }</section> };
    };
    let sim = rt.sim();
    let metrics = sim.metrics();
    let window = metrics.window_s(sim.now());
    let totals = metrics.totals.components.get(i).cloned().unwrap_or_default();
    let snap = sim.snapshot();
    let view = snap.components.iter().find(|v| v.index == i).cloned().unwrap_or_default();
    let seen = reading.observation.components.get(i).cloned().unwrap_or_default();
    let rate = |n: u64| {
        if window > 0.0 {
            format!("{} ({} {})", format_number(n), format_rate(n as f64 / window), t(lang, Key::UnitRps))
        } else {
            format_number(n)
        }
    };
    let health = match view.health {
        Health::Up => Key::HealthUp,
        Health::Degraded => Key::HealthDegraded,
        Health::Down => Key::HealthDown,
    };
    let row = |k: Key, v: String, id: &'static str| html! { <><dt>{ t(lang, k) }</dt><dd data-testid={id}>{ v }</dd></> };
    html! {
        <section class="detail" data-testid="detail">
            <h2>{ c.id.clone() }<span class="health">{ t(lang, health) }</span></h2>
            <dl>
                { row(Key::DetailArrivals, rate(totals.arrivals), "detail-arrivals") }
                { row(Key::DetailCompletions, rate(totals.completions), "detail-completions") }
                { row(Key::Utilization, format!("{} % ({}/{})", format_percent(view.utilization), view.busy, view.capacity), "detail-utilization") }
                if let Some(r) = describe_resources(lang, &c.kind, &view) {
                    { row(Key::Resources, r, "detail-resources") }
                }
                { row(Key::DetailMeanQueue, format!("{:.1}", totals.mean_queue(window)), "detail-mean-queue") }
                { row(Key::DetailQueueNow, format_number(u64::from(view.queue)), "detail-queue") }
                { row(Key::DetailLatencyShare, format!("{} %", format_percent(seen.latency_share)), "detail-latency-share") }
                if view.servers_total > 1 {
                    { row(Key::DetailServersUp, format!("{}/{}", view.servers_up, view.servers_total), "detail-servers") }
                }
                if view.total_targets > 0 {
                    { row(Key::DetailHealthyTargets, format!("{}/{}", view.healthy_targets, view.total_targets), "detail-targets") }
                }
            </dl>
        </section>
    }
}
