//! The servers chart: billed hosts per app tier over time, so the lag of auto-scaling and the
//! doubled fleet of a blue/green deployment show as steps. Drawn by the frame loop like the
//! other charts (it is a `Chart` with `tiers`); shown only when the scenario can change its
//! fleet.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::fleet_history::FleetHistory;
use super::paint::paint;
use crate::engine::NS_PER_S;
use crate::i18n::{t, Key, Lang};
use crate::model::{Kind, Scenario};
use crate::ui::state::painters::PaintCtx;

/// Whether the fleet of `s` can change during a run (an auto-scaling group or a deployment).
pub fn fleet_changes(s: &Scenario) -> bool {
    !s.deployments.is_empty()
        || s.components.iter().any(|c| matches!(&c.kind, Kind::AppServer(a) if a.autoscaling.is_some()))
}

/// The app tiers of `s`, by id.
pub fn tiers(s: &Scenario) -> Vec<String> {
    s.components.iter().filter(|c| matches!(c.kind, Kind::AppServer(_))).map(|c| c.id.clone()).collect()
}

/// The caption (and tooltip): a single tier is named.
pub fn caption(lang: Lang, tiers: &[String]) -> String {
    match tiers {
        [one] => format!("{} · {one}", t(lang, Key::ServersChart)),
        _ => t(lang, Key::ServersChart).to_string(),
    }
}

pub type Seen = (u64, Option<u64>, Option<u64>, i32, i32, crate::i18n::Lang);

pub fn draw(
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
    let key = (
        ctx.runtime.runs(),
        h.last_second(),
        hover.get().map(f64::to_bits),
        el.client_width(),
        el.client_height(),
        ctx.lang,
    );
    if last.as_ref() == Some(&key) {
        return;
    }
    *last = Some(key);
    let ids: Vec<String> = scenario.components.iter().map(|c| c.id.clone()).collect();
    paint(&el, &h.chart(span, &ids, ctx.lang), hover.get(), ctx.lang);
}
