//! The live dashboard: the headline numbers and five charts over the last minutes of
//! simulated time. Charts are canvases drawn by the frame loop, not Yew diffs.
//!
//! The folder also holds the right-hand readings (`insights.rs`) and the bottleneck callout.

pub mod callout;
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
use crate::ui::state::shared::SharedProps;

/// Simulated seconds the charts show.
pub const SPAN_S: u64 = 120;

#[component]
pub fn Dashboard(props: &SharedProps) -> Html {
    let shared = &props.shared;
    let rt = shared.runtime.borrow();
    let numbers = LiveNumbers::read(&rt);
    let fleet = servers::fleet_changes(rt.scenario());
    html! {
        <section class="dashboard" data-testid="dashboard">
            { stats(shared.lang, &numbers) }
            { ops::ops_strip(shared.lang, &rt) }
            <div class={class_list("charts", &[fleet.then_some("with-servers")])}>
                { for ChartKind::ALL.iter().map(|&kind| html! { <Chart {kind} span={SPAN_S} shared={shared.clone()} /> }) }
                if fleet {
                    <Chart kind={ChartKind::Throughput} span={SPAN_S} tiers={servers::tiers(rt.scenario())} shared={shared.clone()} />
                }
            </div>
        </section>
    }
}
