//! The live dashboard: the headline numbers and five charts over the last minutes of
//! simulated time. Charts are canvases drawn by the frame loop, not Yew diffs.
//!
//! The folder also holds the right-hand readings (`insights.rs`), the selected component's
//! numbers among them (`detail.rs`), and the bottleneck callout.

pub mod callout;
pub mod detail;
pub mod insights;

mod chart;
pub mod fleet_history;
pub mod ops;
mod paint;
mod servers;
pub mod window;

use yew::prelude::*;

use crate::ui::class::class_list;

pub use chart::Chart;
use window::ChartKind;

use crate::ui::components::run::stats::{stats, LiveNumbers};
use crate::ui::state::lab::{use_lab, use_tick};

/// Simulated seconds the charts show.
pub const SPAN_S: u64 = 120;

#[component]
pub fn Dashboard() -> Html {
    let lab = use_lab();
    // The headline numbers and the operations strip are the run's: they follow the beat.
    use_tick();
    let rt = lab.runtime.borrow();
    let numbers = LiveNumbers::read(&rt);
    let fleet = servers::fleet_changes(rt.scenario());
    html! {
        <section class="dashboard" data-testid="dashboard">
            { stats(lab.lang, &numbers) }
            { ops::ops_strip(lab.lang, &rt) }
            <div class={class_list("charts", &[fleet.then_some("with-servers")])}>
                { for ChartKind::ALL.iter().map(|&kind| html! { <Chart {kind} span={SPAN_S} /> }) }
                if fleet {
                    <Chart kind={ChartKind::Throughput} span={SPAN_S} tiers={servers::tiers(rt.scenario())} />
                }
            </div>
        </section>
    }
}
