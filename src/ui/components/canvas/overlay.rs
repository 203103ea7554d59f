//! The running lab drawn over the diagram: request dots moving along links, utilisation rings,
//! queue bars, error flashes and dead components, all on one `<canvas>` laid over the canvas
//! area (pointer events pass through to the editor beneath). Drawn by the frame loop from
//! `Sim::snapshot()` and `Sim::dots()`, never through Yew, on the frames where the run, the
//! view, the language, the pointer or the canvas changed (and on every frame while an error
//! outline pulses): a paused lab's overlay costs nothing.

use std::cell::Cell;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d as Ctx, HtmlCanvasElement, MouseEvent};
use yew::prelude::*;

use super::colors::{viridis, DEAD_WASH, ERROR};
use super::fleet::tray_space;
use crate::engine::{ComponentView, Health};
use crate::i18n::{describe_resources, format_number, limiting_resource, t, tf, Key};
use crate::ui::hooks::painters::use_painter;
use crate::ui::platform::draw::{label, prepare, set_dash, text, text_width};
use crate::ui::state::lab::Lab;
use crate::ui::state::painters::PaintCtx;

/// How far past a dead card's sides (both together) its detection countdown may reach.
const DETECTING_OVERHANG: f64 = 24.0;
/// Radius of a request dot in screen pixels.
const DOT_R: f64 = 5.0;
/// The rim of a filled dot (a request, an error) and of a hollow one (a response).
const DOT_RIM: &str = "#ffffff";
const RESPONSE_RIM: &str = "#0072B2";
/// Most dots drawn per frame; above this the engine samples evenly and the UI says so.
pub const MAX_DOTS: usize = 1500;
/// Size of a component's box on the canvas, in model units (the editor draws the same).
pub const BOX_W: f64 = crate::editor::COMPONENT_W;
pub const BOX_H: f64 = crate::editor::COMPONENT_H;
const INK: &str = "#14213d";
const FONT: &str = "600 12px system-ui, sans-serif";

/// The overlay's painter, held by the root (a hook, not a component of its own: the overlay has
/// nothing to re-render). Returns the canvas to draw on, for [`overlay`].
#[hook]
pub fn use_overlay(lab: &Lab) -> NodeRef {
    let canvas = use_node_ref();
    let hover = use_memo((), |_| Cell::new(None::<(f64, f64)>));
    {
        let canvas = canvas.clone();
        use_painter(lab, (), move |_| {
            // Hover over the canvas area (the overlay itself lets pointer events through). The
            // listeners live as long as the painter: one effect for both.
            let area = canvas.cast::<HtmlCanvasElement>().and_then(|c| c.parent_element());
            let listeners = area.map(|area| {
                let h = hover.clone();
                let el = area.clone();
                let moved = EventListener::new(&area, "mousemove", move |e| {
                    if let Some(e) = e.dyn_ref::<MouseEvent>() {
                        let r = el.get_bounding_client_rect();
                        h.set(Some((f64::from(e.client_x()) - r.left(), f64::from(e.client_y()) - r.top())));
                    }
                });
                let h = hover.clone();
                let left = EventListener::new(&area, "mouseleave", move |_| h.set(None));
                (moved, left)
            });
            let mut last = None;
            move |ctx: &PaintCtx| {
                let _listening = &listeners;
                let Some(el) = canvas.cast::<HtmlCanvasElement>() else { return };
                let key = Drawn::of(ctx, &el, hover.get());
                // The same picture again on the same element: nothing to draw (the canvas keeps
                // the last one; a canvas the layout re-created starts blank and is drawn).
                if last.as_ref() == Some(&(key, el.clone())) {
                    return;
                }
                let pulsing = draw(ctx, &el, hover.get());
                last = (!pulsing).then_some((key, el));
            }
        });
    }
    canvas
}

/// What the overlay was last drawn from. Equal keys draw the same picture, unless an error
/// outline was pulsing (it follows the wall clock), which the painter checks apart.
#[derive(Clone, Copy, PartialEq)]
struct Drawn {
    revision: u64,
    view: (u64, u64, u64),
    lang: crate::i18n::Lang,
    hover: Option<(u64, u64)>,
    size: (i32, i32, u64),
}

impl Drawn {
    fn of(pc: &PaintCtx, el: &HtmlCanvasElement, hover: Option<(f64, f64)>) -> Drawn {
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let v = pc.view;
        Drawn {
            revision: pc.runtime.revision(),
            view: (v.x.to_bits(), v.y.to_bits(), v.zoom.to_bits()),
            lang: pc.lang,
            hover: hover.map(|(x, y)| (x.to_bits(), y.to_bits())),
            size: (el.client_width(), el.client_height(), dpr.to_bits()),
        }
    }
}

/// The overlay's `<canvas>`, which [`use_overlay`]'s painter draws on.
pub fn overlay(canvas: NodeRef) -> Html {
    html! { <canvas class="overlay" ref={canvas} data-testid="overlay" aria-hidden="true" /> }
}

/// Screen rectangle (x, y, w, h) of component `i`'s box.
fn rect_of(ctx: &PaintCtx, i: usize) -> Option<(f64, f64, f64, f64)> {
    let c = ctx.runtime.scenario().components.get(i)?;
    let (x, y) = ctx.view.to_screen(c.x - BOX_W / 2.0, c.y - BOX_H / 2.0);
    Some((x, y, BOX_W * ctx.view.zoom, BOX_H * ctx.view.zoom))
}

/// Draws one frame; true when an error outline pulses (so the next frame must be drawn too).
fn draw(pc: &PaintCtx, el: &HtmlCanvasElement, hover: Option<(f64, f64)>) -> bool {
    let Some((ctx, w, h)) = prepare(el) else { return false };
    let snap = pc.runtime.sim().snapshot();
    ctx.set_font(FONT);
    ctx.set_text_baseline("middle");
    let promoting = crate::ui::components::log::story::promotions(pc.runtime.sim().log());
    let detecting =
        crate::ui::components::log::story::detections(pc.runtime.sim().log(), pc.runtime.scenario());
    for v in &snap.components {
        if let Some(r) = rect_of(pc, v.index) {
            let busy = component(&ctx, pc, v, r);
            let promotion = promoting.iter().find(|(i, _)| *i == v.index).map(|(_, p)| *p);
            if let (Some(p), true) = (promotion, v.health != Health::Down) {
                promotion_label(&ctx, pc, p, snap.time, r, busy);
            }
            // Under the card's "DOWN": how long at most until its checkers notice. Centred on
            // the dead card, and only the countdown when the words would reach past it into a
            // neighbour (a zoomed-out canvas, a phone).
            let until = detecting.iter().find(|(i, _)| *i == v.index).map(|(_, u)| *u);
            if let Some(until) = until.filter(|u| *u > snap.time) {
                let left = format!("{:.0}", crate::engine::to_secs(until - snap.time).ceil());
                let full = crate::i18n::tf(pc.lang, Key::LiveDetecting, &[&left]);
                let s = if text_width(&ctx, &full) + 8.0 <= r.2 + DETECTING_OVERHANG {
                    full
                } else {
                    crate::i18n::tf(pc.lang, Key::LiveDetectingShort, &[&left])
                };
                ctx.set_text_align("center");
                label(&ctx, &s, r.0 + r.2 / 2.0, r.1 + r.3 / 2.0, "#fff", "#7a4b00");
            }
        }
    }
    let (dots, total) = pc.runtime.sim().dots(MAX_DOTS);
    dots_layer(&ctx, pc, &dots);
    legend(&ctx, pc, w, h, dots.len(), total);
    if let Some((hx, hy)) = hover {
        let hit = snap.components.iter().find(|v| {
            rect_of(pc, v.index)
                .is_some_and(|(x, y, bw, bh)| hx >= x && hx <= x + bw && hy >= y && hy <= y + bh)
        });
        if let Some(v) = hit {
            readout(&ctx, pc, v, hx, hy, w);
        }
    }
    // `component` pulses the outline of a live component with recent errors.
    snap.components.iter().any(|v| v.recent_errors > 0 && v.health != Health::Down)
}

/// The line above a card: a state label (DOWN, DEGRADED, PROMOTING) at its left, what keeps it
/// busy ("CPU 37 %") at its right.
const TOP_LINE: f64 = 15.0;
/// A label's pill is 18 px high; a second line sits this far above the first.
const LINE_STEP: f64 = 20.0;

/// Where the left label `s` of a card goes: on the card's top line, or a line higher when it
/// would run into the right one (`busy`, that pill's width; 0 when there is none), as on a
/// narrow card or a zoomed-out view, so neither hides the other.
fn left_label_y(ctx: &Ctx, s: &str, y: f64, bw: f64, busy: f64) -> f64 {
    // The left pill spans the text and 4 px each side from the card's left edge; the right
    // one ends 6 px past its right edge (`ring`): with 2 px between, they fit when the text and
    // the right pill together are no wider than the card.
    let fits = busy == 0.0 || text_width(ctx, s) + busy <= bw;
    if fits {
        y - TOP_LINE
    } else {
        y - TOP_LINE - LINE_STEP
    }
}

/// Draws a live component's state over its card; returns the width of the pill at the right of
/// its top line (what keeps it busy), 0 when there is none.
fn component(ctx: &Ctx, pc: &PaintCtx, v: &ComponentView, (x, y, bw, bh): (f64, f64, f64, f64)) -> f64 {
    let lang = pc.lang;
    if v.health == Health::Down {
        // Greyed, crossed out and labelled: colour is never the only signal.
        ctx.set_fill_style_str(DEAD_WASH);
        ctx.fill_rect(x, y, bw, bh);
        ctx.set_stroke_style_str("#222");
        ctx.set_line_width(3.0);
        ctx.begin_path();
        ctx.move_to(x, y);
        ctx.line_to(x + bw, y + bh);
        ctx.move_to(x + bw, y);
        ctx.line_to(x, y + bh);
        ctx.stroke();
        // Above the card, where DEGRADED goes, so the dead component's name stays readable.
        ctx.set_text_align("left");
        label(ctx, &t(lang, Key::HealthDown).to_ascii_uppercase(), x, y - TOP_LINE, "#fff", "#222");
        return 0.0;
    }
    let pad = 5.0;
    // Components without servers of their own (user populations, DNS, load balancers) have no
    // utilisation or queue to show.
    // Below the live tray of an app tier or a balancer (drawn by the canvas), if any.
    let tray =
        pc.runtime.scenario().components.get(v.index).map_or(0.0, |c| tray_space(&c.kind, pc.view.zoom));
    let below = y + bh + pad + 4.0 + tray * pc.view.zoom;
    let (below, busy_w) = if v.capacity > 0 || v.queue > 0 {
        let busy = match pc.runtime.scenario().components.get(v.index) {
            Some(c) => limiting_resource(lang, &c.kind, v),
            None => format!("{:.0} %", v.utilization * 100.0),
        };
        ring(ctx, v, &busy, (x, y, bw, bh), pad);
        (queue_bar(ctx, pc, v, x, below, bw), text_width(ctx, &busy) + 8.0)
    } else {
        (below, 0.0)
    };
    // A database in a failover is not degraded itself: the promotion label says what happens.
    let db = matches!(
        pc.runtime.scenario().components.get(v.index).map(|c| &c.kind),
        Some(crate::model::Kind::Database(_))
    );
    if v.health == Health::Degraded && !db {
        ctx.set_text_align("left");
        // A balancer counts its healthy targets, a tier its hosts up.
        let (good, all) = if v.total_targets > 0 {
            (v.healthy_targets, v.total_targets)
        } else {
            (v.servers_up, v.servers_total)
        };
        let s = format!("{} {good}/{all}", t(lang, Key::HealthDegraded).to_ascii_uppercase());
        label(ctx, &s, x, left_label_y(ctx, &s, y, bw, busy_w), "#fff", "#7c2d12");
    }
    if v.recent_errors > 0 {
        // A pulsing dashed outline plus a count.
        let phase = crate::ui::platform::math::sin(pc.now_ms / 250.0) * 0.5 + 0.5;
        ctx.set_global_alpha(0.35 + 0.65 * phase);
        ctx.set_stroke_style_str(ERROR);
        ctx.set_line_width(4.0);
        set_dash(ctx, &[8.0, 4.0]);
        ctx.stroke_rect(x - pad - 6.0, y - pad - 6.0, bw + 2.0 * pad + 12.0, bh + 2.0 * pad + 12.0);
        set_dash(ctx, &[]);
        ctx.set_global_alpha(1.0);
        ctx.set_text_align("left");
        let s = format!("⚠ {} {}/s", t(lang, Key::Failed), format_number(v.recent_errors));
        label(ctx, &s, x, below + 10.0, "#fff", ERROR);
    }
    busy_w
}

/// Over a standby a failover promotes: the seconds left, counting down, then that it is the
/// primary now (its card still names the role it was built with).
fn promotion_label(
    ctx: &Ctx,
    pc: &PaintCtx,
    p: crate::ui::components::log::story::Promotion,
    now: crate::engine::Time,
    (x, y, bw, _): (f64, f64, f64, f64),
    busy: f64,
) {
    let s = match p {
        crate::ui::components::log::story::Promotion::Until(end) => {
            let left = crate::engine::to_secs(end.saturating_sub(now)).ceil();
            crate::i18n::tf(pc.lang, Key::LivePromoting, &[&format!("{left:.0}")])
        }
        crate::ui::components::log::story::Promotion::Done => t(pc.lang, Key::LivePromoted).to_string(),
    };
    ctx.set_text_align("left");
    label(ctx, &s, x, left_label_y(ctx, &s, y, bw, busy), "#fff", "#005a8c");
}

/// The queue as a bar under the box (the fraction of its bound, or a log scale when
/// unbounded) with its length in words; returns the y below what it drew.
fn queue_bar(ctx: &Ctx, pc: &PaintCtx, v: &ComponentView, x: f64, qy: f64, bw: f64) -> f64 {
    let frac = if v.queue_capacity > 0 {
        f64::from(v.queue) / f64::from(v.queue_capacity)
    } else {
        crate::ui::platform::math::log10(1.0 + f64::from(v.queue)) / 4.0
    };
    let qh = 7.0;
    ctx.set_fill_style_str("#e2e8f0");
    ctx.fill_rect(x, qy, bw, qh);
    ctx.set_fill_style_str(INK);
    ctx.fill_rect(x, qy, bw * frac.clamp(0.0, 1.0), qh);
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str(INK);
    ctx.stroke_rect(x, qy, bw, qh);
    if v.queue > 0 && pc.view.zoom >= 0.5 {
        ctx.set_text_align("left");
        let s = format!("{} {}", t(pc.lang, Key::Queue), format_number(u64::from(v.queue)));
        label(ctx, &s, x, qy + qh + 10.0, INK, "rgba(255,255,255,0.85)");
        return qy + qh + 22.0;
    }
    qy + qh + 4.0
}

/// Utilisation ring just outside the box (outlined so the light end stays visible) and the
/// busy percentage of the limiting resource, named ("CPU 93 %"), above its right corner.
///
/// Light at low load, strong only near saturation: the frame's width and opacity grow with the
/// square of the utilisation (a hairline at 0 %, 7 px and opaque at 100 %), and its dark outline
/// appears only from 70 %; the colour stays viridis, which reads with any colour vision.
fn ring(ctx: &Ctx, v: &ComponentView, busy: &str, (x, y, bw, bh): (f64, f64, f64, f64), pad: f64) {
    let u = if v.utilization.is_finite() { v.utilization.clamp(0.0, 1.0) } else { 0.0 };
    let width = 1.5 + 5.5 * u * u;
    if u >= 0.7 {
        ctx.set_line_width(width + 2.0);
        ctx.set_stroke_style_str(INK);
        ctx.stroke_rect(x - pad, y - pad, bw + 2.0 * pad, bh + 2.0 * pad);
    }
    ctx.set_global_alpha(0.35 + 0.65 * u * u);
    ctx.set_line_width(width);
    ctx.set_stroke_style_str(&viridis(v.utilization));
    ctx.stroke_rect(x - pad, y - pad, bw + 2.0 * pad, bh + 2.0 * pad);
    ctx.set_global_alpha(1.0);
    ctx.set_text_align("right");
    label(ctx, busy, x + bw + 2.0, y - TOP_LINE, "#fff", INK);
}

fn dots_layer(ctx: &Ctx, pc: &PaintCtx, dots: &[crate::engine::Dot]) {
    let comps = &pc.runtime.scenario().components;
    let centre = |i: u32| comps.get(i as usize).map(|c| pc.view.to_screen(c.x, c.y));
    // Requests dark and filled, responses hollow, errors vermillion squares.
    for (kind, fill) in [(0u8, INK), (1, "#ffffff"), (2, ERROR)] {
        ctx.begin_path();
        for d in dots {
            let k = if d.error { 2 } else { u8::from(d.response) };
            if k != kind {
                continue;
            }
            let (Some(a), Some(b)) = (centre(d.from), centre(d.to)) else { continue };
            let p = f64::from(d.progress).clamp(0.0, 1.0);
            let (x, y) = (a.0 + (b.0 - a.0) * p, a.1 + (b.1 - a.1) * p);
            // 5 px dots with a contrasting rim: visible from the back of a room on a projector.
            if kind == 2 {
                ctx.rect(x - DOT_R, y - DOT_R, 2.0 * DOT_R, 2.0 * DOT_R);
            } else {
                ctx.move_to(x + DOT_R, y);
                let _ = ctx.arc(x, y, DOT_R, 0.0, std::f64::consts::TAU);
            }
        }
        ctx.set_fill_style_str(fill);
        ctx.fill();
        ctx.set_stroke_style_str(if kind == 1 { RESPONSE_RIM } else { DOT_RIM });
        ctx.set_line_width(if kind == 1 { 2.0 } else { 1.5 });
        ctx.stroke();
    }
}

/// A canvas narrower than this (a phone, a tablet) has no room for the legend beside the zoom
/// controls: the legend takes two rows above them instead, and the fit keeps them free.
pub const NARROW_CANVAS_PX: f64 = 800.0;
/// The height the two-row legend of a narrow canvas takes above the zoom controls.
pub const NARROW_LEGEND_H: f64 = 48.0;

/// The scale, and the sampling statement when not every request is drawn.
fn legend(ctx: &Ctx, pc: &PaintCtx, w: f64, h: f64, drawn: usize, total: usize) {
    let (bw, bh) = (120.0, 10.0);
    let narrow = w < NARROW_CANVAS_PX;
    // Narrow: the scale at the right end of the lower row, the dot shapes on the row above it,
    // both above the zoom controls (which take the bottom 56 px at the left).
    let (x, y) = if narrow { (w - bw - 48.0, h - 74.0) } else { (w - bw - 48.0, h - 22.0) };
    ctx.set_fill_style_str("rgba(255,255,255,0.9)");
    if narrow {
        ctx.fill_rect(0.0, y - 30.0, w, NARROW_LEGEND_H);
    } else {
        ctx.fill_rect(x - 330.0, y - 6.0, bw + 380.0, bh + 12.0);
    }
    for i in 0..24 {
        ctx.set_fill_style_str(&viridis(f64::from(i) / 23.0));
        ctx.fill_rect(x + bw * f64::from(i) / 24.0, y, bw / 24.0 + 0.5, bh);
    }
    ctx.set_stroke_style_str(INK);
    ctx.set_line_width(1.0);
    ctx.stroke_rect(x, y, bw, bh);
    ctx.set_fill_style_str(INK);
    ctx.set_text_align("right");
    text(ctx, &format!("{} 0%", t(pc.lang, Key::Utilization)), x - 6.0, y + bh / 2.0);
    ctx.set_text_align("left");
    text(ctx, "100%", x + bw + 6.0, y + bh / 2.0);
    if narrow {
        dots_legend(ctx, pc, w - 10.0, y - 16.0);
    } else {
        dots_legend(ctx, pc, x - 100.0, y + bh / 2.0);
    }
    if total > drawn {
        let s = tf(pc.lang, Key::DotsSampled, &[&format_number(drawn as u64), &format_number(total as u64)]);
        label(ctx, &s, 10.0, h - 16.0, INK, "rgba(255,255,255,0.9)");
    }
}

/// What the three dot shapes mean, ending at `right`.
fn dots_legend(ctx: &Ctx, pc: &PaintCtx, right: f64, y: f64) {
    let items = [
        (0, text_of(pc, Key::DotRequest)),
        (1, text_of(pc, Key::DotResponse)),
        (2, text_of(pc, Key::DotError)),
    ];
    let widths: f64 = items.iter().map(|(_, s)| text_width(ctx, s) + 24.0).sum();
    let mut x = right - widths;
    ctx.set_text_align("left");
    for (kind, s) in items {
        ctx.begin_path();
        match kind {
            0 => {
                let _ = ctx.arc(x + 5.0, y, 4.0, 0.0, std::f64::consts::TAU);
                ctx.set_fill_style_str(INK);
                ctx.fill();
            }
            1 => {
                let _ = ctx.arc(x + 5.0, y, 4.0, 0.0, std::f64::consts::TAU);
                ctx.set_fill_style_str("#fff");
                ctx.fill();
                ctx.set_stroke_style_str("#0072B2");
                ctx.set_line_width(1.5);
                ctx.stroke();
            }
            _ => {
                ctx.set_fill_style_str(ERROR);
                ctx.fill_rect(x + 1.0, y - 4.0, 8.0, 8.0);
            }
        }
        ctx.set_fill_style_str(INK);
        text(ctx, s, x + 13.0, y);
        x += text_width(ctx, s) + 24.0;
    }
}

fn text_of(pc: &PaintCtx, key: Key) -> &'static str {
    t(pc.lang, key)
}

/// The numbers of the component under the pointer.
fn readout(ctx: &Ctx, pc: &PaintCtx, v: &ComponentView, hx: f64, hy: f64, w: f64) {
    let lang = pc.lang;
    let comp = pc.runtime.scenario().components.get(v.index);
    let id = comp.map_or("", |c| c.id.as_str());
    let health = match v.health {
        Health::Up => Key::HealthUp,
        Health::Degraded => Key::HealthDegraded,
        Health::Down => Key::HealthDown,
    };
    let mut rows = vec![
        format!("{id}: {}", t(lang, health)),
        format!("{}: {:.1}% ({}/{})", t(lang, Key::Utilization), v.utilization * 100.0, v.busy, v.capacity),
    ];
    rows.extend(comp.and_then(|c| describe_resources(lang, &c.kind, v)));
    rows.push(format!("{}: {}", t(lang, Key::DetailQueueNow), format_number(u64::from(v.queue))));
    rows.push(format!("{}: {}/s", t(lang, Key::Failed), format_number(v.recent_errors)));
    let bw = rows.iter().map(|r| text_width(ctx, r)).fold(0.0, f64::max) + 14.0;
    let bh = rows.len() as f64 * 16.0 + 8.0;
    let bx = if hx + 16.0 + bw < w { hx + 16.0 } else { hx - 16.0 - bw };
    let by = (hy - bh - 8.0).max(2.0);
    ctx.set_fill_style_str("rgba(20,33,61,0.94)");
    ctx.fill_rect(bx, by, bw, bh);
    ctx.set_fill_style_str("#fff");
    ctx.set_text_align("left");
    for (k, r) in rows.iter().enumerate() {
        text(ctx, r, bx + 7.0, by + 12.0 + k as f64 * 16.0);
    }
}
