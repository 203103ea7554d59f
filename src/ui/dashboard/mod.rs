//! The live dashboard: the headline numbers and five charts over the last minutes of
//! simulated time. Charts are canvases drawn by the frame loop, not Yew diffs.

mod chart;
pub mod fleet_history;
pub mod ops;
mod paint;
mod servers;
pub mod window;

use yew::prelude::*;

pub use chart::Chart;
use window::ChartKind;

use super::shared::Shared;
use super::stats::{LiveNumbers, Stats};

/// Simulated seconds the charts show.
pub const SPAN_S: u64 = 120;

#[component]
pub fn Dashboard() -> Html {
    let shared = use_context::<Shared>().expect("inside the app");
    let numbers = LiveNumbers::read(&shared.runtime.borrow());
    let fleet = servers::fleet_changes(shared.runtime.borrow().scenario());
    html! {
        <section class="dashboard" data-testid="dashboard">
            <Stats {numbers} />
            <ops::OpsStrip />
            <div class={classes!("charts", fleet.then_some("with-servers"))}>
                { for ChartKind::ALL.iter().map(|&kind| html! { <Chart {kind} span={SPAN_S} /> }) }
                if fleet {
                    <servers::ServersChart span={SPAN_S} tiers={servers::tiers(shared.runtime.borrow().scenario())} />
                }
            </div>
        </section>
    }
}
