//! Draws one chart onto its canvas: axes with units, lines, legend, hover readout.

use web_sys::{CanvasRenderingContext2d as Ctx, HtmlCanvasElement};

use super::window::{axis_number, nearest, ChartData};
use crate::i18n::{format_time, t, Key, Lang};
use crate::ui::components::canvas::colors::{CATEGORICAL, DASHES};
use crate::ui::platform::draw::{label, prepare, set_dash, text, text_width};

/// Plot margins in CSS pixels: room for the y labels on the left and x labels below.
pub const LEFT: f64 = 46.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 6.0;
const BOTTOM: f64 = 20.0;
const INK: &str = "#14213d";
const GRID: &str = "#d5dbe3";
const FONT: &str = "12px system-ui, sans-serif";

/// The simulated second under CSS x coordinate `x` of a canvas `w` wide.
pub fn second_at(data: &ChartData, w: f64, x: f64) -> f64 {
    let pw = (w - LEFT - RIGHT).max(1.0);
    data.x0 + (x - LEFT) / pw * (data.x1 - data.x0)
}

pub fn paint(canvas: &HtmlCanvasElement, data: &ChartData, hover_x: Option<f64>, lang: Lang) {
    let Some((ctx, w, h)) = prepare(canvas) else { return };
    let (pw, ph) = ((w - LEFT - RIGHT).max(1.0), (h - TOP - BOTTOM).max(1.0));
    let sx = |x: f64| LEFT + (x - data.x0) / (data.x1 - data.x0).max(1e-9) * pw;
    let sy = |y: f64| TOP + ph - (y / data.y_max.max(1e-9)).clamp(0.0, 1.05) * ph;
    ctx.set_font(FONT);
    ctx.set_text_baseline("middle");
    axes(&ctx, data, (w, ph), &sx, &sy, t(lang, Key::UnitS));
    ctx.set_line_width(2.0);
    for (k, line) in data.lines.iter().enumerate() {
        ctx.set_stroke_style_str(CATEGORICAL[k % CATEGORICAL.len()]);
        set_dash(&ctx, DASHES[k % DASHES.len()]);
        ctx.begin_path();
        let mut prev: Option<f64> = None;
        for &(x, y) in &line.points {
            // A missing second breaks the line instead of bridging it.
            if prev.is_some_and(|p| x - p > 1.5) || prev.is_none() {
                ctx.move_to(sx(x), sy(y));
            } else {
                ctx.line_to(sx(x), sy(y));
            }
            prev = Some(x);
        }
        ctx.stroke();
    }
    set_dash(&ctx, &[]);
    legend(&ctx, data, w);
    if let Some(hx) = hover_x {
        readout(&ctx, data, w, h, hx, &sx);
    }
}

/// `seconds` is the time axis' unit in the page's language.
fn axes(
    ctx: &Ctx,
    data: &ChartData,
    (w, ph): (f64, f64),
    sx: &dyn Fn(f64) -> f64,
    sy: &dyn Fn(f64) -> f64,
    seconds: &str,
) {
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str(GRID);
    ctx.set_fill_style_str(INK);
    ctx.set_text_align("right");
    for i in 0..=2 {
        let v = data.y_max * f64::from(i) / 2.0;
        let y = sy(v);
        ctx.begin_path();
        ctx.move_to(LEFT, y);
        ctx.line_to(w - RIGHT, y);
        ctx.stroke();
        let lab = axis_number(v);
        text(ctx, &lab, LEFT - 4.0, y);
    }
    // Unit under the top label, so every axis says what it counts.
    ctx.set_fill_style_str("#4a5568");
    text(ctx, data.unit, LEFT - 4.0, sy(data.y_max) + 14.0);
    ctx.set_fill_style_str(INK);
    ctx.set_text_align("center");
    // Tick labels at least 50 px apart.
    let span = (data.x1 - data.x0).max(1.0);
    let px_per_s = (w - LEFT - RIGHT) / span;
    let step = [5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0]
        .into_iter()
        .find(|s| s * px_per_s >= 50.0)
        .unwrap_or(600.0);
    let mut s = (data.x0.max(0.0) / step).ceil() * step;
    while s <= data.x1 {
        let x = sx(s);
        // The last label would run past the right edge when centred: it ends at the edge.
        let label = format!("{} {seconds}", s as u64);
        let half = text_width(ctx, &label) / 2.0;
        text(ctx, &label, x.min(w - half), TOP + ph + 11.0);
        s += step;
    }
}

fn legend(ctx: &Ctx, data: &ChartData, w: f64) {
    ctx.set_text_align("left");
    let mut x = LEFT + 4.0;
    let mut y = TOP + 9.0;
    for (k, line) in data.lines.iter().enumerate().filter(|(_, l)| !l.label.is_empty()) {
        let tw = text_width(ctx, &line.label) + 26.0;
        if x + tw > w - RIGHT && x > LEFT + 4.0 {
            x = LEFT + 4.0;
            y += 15.0;
        }
        ctx.set_fill_style_str("rgba(255,255,255,0.85)");
        ctx.fill_rect(x - 2.0, y - 7.0, tw, 14.0);
        ctx.set_stroke_style_str(CATEGORICAL[k % CATEGORICAL.len()]);
        set_dash(ctx, DASHES[k % DASHES.len()]);
        ctx.set_line_width(2.0);
        ctx.begin_path();
        ctx.move_to(x, y);
        ctx.line_to(x + 18.0, y);
        ctx.stroke();
        set_dash(ctx, &[]);
        ctx.set_fill_style_str(INK);
        text(ctx, &line.label, x + 22.0, y);
        x += tw + 6.0;
    }
}

/// A vertical rule at the hovered second and the value of every line there.
fn readout(ctx: &Ctx, data: &ChartData, w: f64, h: f64, hx: f64, sx: &dyn Fn(f64) -> f64) {
    let second = second_at(data, w, hx);
    let Some(first) = data.lines.first() else { return };
    let Some(i) = nearest(&first.points, second) else { return };
    let at = first.points[i].0;
    let x = sx(at);
    ctx.set_stroke_style_str(INK);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(x, TOP);
    ctx.line_to(x, h - BOTTOM);
    ctx.stroke();
    let mut rows = vec![format_time(at)];
    for line in &data.lines {
        if let Some(p) = line.points.iter().find(|p| p.0 == at) {
            rows.push(format!("{}: {} {}", line.label, trim(p.1), data.unit));
        }
    }
    let bw = rows.iter().map(|r| text_width(ctx, r)).fold(0.0, f64::max) + 12.0;
    let bx = if x + 8.0 + bw < w { x + 8.0 } else { (x - 8.0 - bw).max(0.0) };
    let by = TOP + 2.0;
    ctx.set_fill_style_str("rgba(20,33,61,0.92)");
    ctx.fill_rect(bx, by, bw, rows.len() as f64 * 15.0 + 6.0);
    ctx.set_text_align("left");
    for (k, r) in rows.iter().enumerate() {
        label(ctx, r, bx + 6.0, by + 10.0 + k as f64 * 15.0, "#ffffff", "rgba(0,0,0,0)");
    }
}

/// A value with the precision a reader needs: "0.42", "8.5", "230".
fn trim(v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else if v.abs() < 1.0 {
        format!("{v:.2}")
    } else if v.abs() < 100.0 {
        format!("{v:.1}")
    } else {
        (v.round()).to_string()
    }
}
