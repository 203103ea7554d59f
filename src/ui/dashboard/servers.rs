//! The servers chart: billed hosts per app tier over time, so the lag of auto-scaling and the
//! doubled fleet of a blue/green deployment show as steps. Drawn by the frame loop like the
//! other charts; shown only when the scenario can change its fleet.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::fleet_history::FleetHistory;
use super::paint::paint;
use crate::engine::NS_PER_S;
use crate::i18n::{t, Key};
use crate::model::{Kind, Scenario};
use crate::ui::painters::{use_painter, PaintCtx};
use crate::ui::shared::Shared;

/// Whether the fleet of `s` can change during a run (an auto-scaling group or a deployment).
pub fn fleet_changes(s: &Scenario) -> bool {
    !s.deployments.is_empty()
        || s.components.iter().any(|c| matches!(&c.kind, Kind::AppServer(a) if a.autoscaling.is_some()))
}

#[derive(Properties, PartialEq)]
pub struct ServersChartProps {
    pub span: u64,
    /// The app tiers' ids: a single one is named in the caption.
    pub tiers: Vec<String>,
}

/// The app tiers of `s`, by id.
pub fn tiers(s: &Scenario) -> Vec<String> {
    s.components.iter().filter(|c| matches!(c.kind, Kind::AppServer(_))).map(|c| c.id.clone()).collect()
}

#[component]
pub fn ServersChart(props: &ServersChartProps) -> Html {
    let shared = use_context::<Shared>().expect("inside the app");
    let canvas = use_node_ref();
    let hover = use_memo((), |_| Cell::new(None::<f64>));
    {
        let canvas = canvas.clone();
        let hover = hover.clone();
        use_painter(props.span, move |&span| {
            let history = RefCell::new(FleetHistory::default());
            let mut last = None;
            move |ctx: &PaintCtx| draw(ctx, &canvas, &hover, span, &history, &mut last)
        });
    }
    let onmousemove = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| hover.set(Some(f64::from(e.offset_x()))))
    };
    let onmouseleave = Callback::from(move |_: MouseEvent| hover.set(None));
    let caption = match props.tiers.as_slice() {
        [one] => format!("{} · {one}", t(shared.lang, Key::ServersChart)),
        _ => t(shared.lang, Key::ServersChart).to_string(),
    };
    html! {
        <figure class="chart servers" title={caption.clone()}>
            <figcaption>{ caption }</figcaption>
            <canvas ref={canvas} data-testid="chart-servers" {onmousemove} {onmouseleave} />
        </figure>
    }
}

type Seen = (Option<u64>, Option<u64>, i32, i32, crate::i18n::Lang);

fn draw(
    ctx: &PaintCtx,
    canvas: &NodeRef,
    hover: &Rc<Cell<Option<f64>>>,
    span: u64,
    history: &RefCell<FleetHistory>,
    last: &mut Option<Seen>,
) {
    let Some(el) = canvas.cast::<HtmlCanvasElement>() else { return };
    let sim = ctx.runtime.sim();
    let scenario = ctx.runtime.scenario();
    let second = sim.now() / NS_PER_S;
    let mut h = history.borrow_mut();
    if h.last_second() != Some(second) {
        let tiers: Vec<(usize, u32)> =
            (0..scenario.components.len()).filter_map(|i| Some((i, sim.billed_hosts(i)?))).collect();
        h.record(second, &tiers);
    }
    let key =
        (h.last_second(), hover.get().map(f64::to_bits), el.client_width(), el.client_height(), ctx.lang);
    if last.as_ref() == Some(&key) {
        return;
    }
    *last = Some(key);
    let ids: Vec<String> = scenario.components.iter().map(|c| c.id.clone()).collect();
    paint(&el, &h.chart(span, &ids, ctx.lang), hover.get(), ctx.lang);
}
