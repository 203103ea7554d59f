//! One live chart: a `<canvas>` redrawn by the frame loop only when a new simulated second
//! arrives, the hover moves or the size changes; Yew renders it once. The servers chart is the
//! same component (one component's glue in the wasm, not two), drawn by `servers::draw`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::fleet_history::FleetHistory;
use super::paint::paint;
use super::servers;
use super::window::{chart_data, window, ChartKind};
use crate::i18n::{t, Key};
use crate::ui::hooks::painters::use_painter;
use crate::ui::state::lab::use_lab;
use crate::ui::state::painters::PaintCtx;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub kind: ChartKind,
    /// Simulated seconds shown.
    pub span: u64,
    /// `Some` makes it the servers chart (billed hosts per app tier; `kind` is then unused):
    /// the app tiers' ids, a single one named in the caption.
    #[prop_or_default]
    pub tiers: Option<Vec<String>>,
}

fn title(kind: ChartKind) -> Key {
    match kind {
        ChartKind::Throughput => Key::Throughput,
        ChartKind::Latency => Key::Latency,
        ChartKind::Errors => Key::ErrorsByCause,
        ChartKind::Utilization => Key::Utilization,
        ChartKind::Queue => Key::Queue,
    }
}

fn test_id(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Throughput => "chart-throughput",
        ChartKind::Latency => "chart-latency",
        ChartKind::Errors => "chart-errors",
        ChartKind::Utilization => "chart-utilization",
        ChartKind::Queue => "chart-queue",
    }
}

#[component]
pub fn Chart(props: &ChartProps) -> Html {
    // The charts are drawn by the frame loop; the markup only follows the language (no beat).
    let lab = use_lab();
    let canvas = use_node_ref();
    let hover = use_memo((), |_| Cell::new(None::<f64>));
    let is_servers = props.tiers.is_some();
    {
        let canvas = canvas.clone();
        let hover = hover.clone();
        use_painter(&lab, (props.kind, props.span, is_servers), move |&(kind, span, is_servers)| {
            let mut last = None;
            let history = RefCell::new(FleetHistory::default());
            let mut seen = None;
            move |ctx: &PaintCtx| {
                if is_servers {
                    servers::draw(ctx, &canvas, &hover, span, &history, &mut seen)
                } else {
                    draw(ctx, &canvas, &hover, kind, span, &mut last)
                }
            }
        });
    }
    let onmousemove = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| hover.set(Some(f64::from(e.offset_x()))))
    };
    let onmouseleave = Callback::from(move |_: MouseEvent| hover.set(None));
    if let Some(tiers) = &props.tiers {
        let caption = servers::caption(lab.lang, tiers);
        return html! {
            <figure class="chart servers" title={caption.clone()}>
                <figcaption>{ caption }</figcaption>
                <canvas ref={canvas} data-testid="chart-servers" {onmousemove} {onmouseleave} />
            </figure>
        };
    }
    html! {
        <figure class="chart">
            <figcaption>{ t(lab.lang, title(props.kind)) }</figcaption>
            <canvas ref={canvas} data-testid={test_id(props.kind)} {onmousemove} {onmouseleave} />
        </figure>
    }
}

/// What a chart was last drawn from; the run's number, so a new design is drawn at once.
type Key2 = (u64, Option<u64>, usize, Option<u64>, i32, i32, crate::i18n::Lang);

fn draw(
    ctx: &PaintCtx,
    canvas: &NodeRef,
    hover: &Rc<Cell<Option<f64>>>,
    kind: ChartKind,
    span: u64,
    last: &mut Option<Key2>,
) {
    let Some(el) = canvas.cast::<HtmlCanvasElement>() else { return };
    let m = ctx.runtime.sim().metrics();
    let key = (
        ctx.runtime.runs(),
        m.series.back().map(|r| r.second),
        m.series.len(),
        hover.get().map(f64::to_bits),
        el.client_width(),
        el.client_height(),
        ctx.lang,
    );
    if last.as_ref() == Some(&key) {
        return;
    }
    *last = Some(key);
    let ids: Vec<String> = ctx.runtime.scenario().components.iter().map(|c| c.id.clone()).collect();
    let rows = window(&m.series, span);
    let data = chart_data(kind, &rows, span, &ids, ctx.lang);
    paint(&el, &data, hover.get(), ctx.lang);
}
