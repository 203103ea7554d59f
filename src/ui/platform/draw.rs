//! Small helpers for drawing on a `<canvas>` through web-sys: sizing for the device pixel
//! ratio, dashes, text.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d as Ctx, HtmlCanvasElement};

/// Resizes the canvas's backing store to its CSS box times the device pixel ratio (only when
/// that changed) and returns its 2D context scaled so that drawing is in CSS pixels, with the
/// CSS width and height.
pub fn prepare(canvas: &HtmlCanvasElement) -> Option<(Ctx, f64, f64)> {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let ctx: Ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, w, h);
    Some((ctx, w, h))
}

pub fn set_dash(ctx: &Ctx, dash: &[f64]) {
    let arr = js_sys::Array::new();
    for d in dash {
        arr.push(&JsValue::from_f64(*d));
    }
    let _ = ctx.set_line_dash(&arr);
}

pub fn text(ctx: &Ctx, s: &str, x: f64, y: f64) {
    let _ = ctx.fill_text(s, x, y);
}

pub fn text_width(ctx: &Ctx, s: &str) -> f64 {
    ctx.measure_text(s).map_or(s.len() as f64 * 7.0, |m| m.width())
}

/// A label on an opaque pill, readable over anything drawn beneath it. Honours the context's
/// text alignment (the pill sits left of `x` for "right", around it for "center").
pub fn label(ctx: &Ctx, s: &str, x: f64, y: f64, fg: &str, bg: &str) {
    let tw = text_width(ctx, s);
    let left = match ctx.text_align().as_str() {
        "right" | "end" => x - tw,
        "center" => x - tw / 2.0,
        _ => x,
    };
    ctx.set_fill_style_str(bg);
    ctx.fill_rect(left - 4.0, y - 9.0, tw + 8.0, 18.0);
    ctx.set_fill_style_str(fg);
    text(ctx, s, x, y);
}
