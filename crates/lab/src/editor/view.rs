//! Pan and zoom: the map between screen pixels and model units.
//!
//! `(x, y)` is the model point shown at the screen's top-left corner, so
//! `screen = (model - (x, y)) * zoom`. Zooming about a point keeps the model point under the
//! cursor still, which is what makes wheel zoom feel anchored.

use crate::model::Rect;

/// Low enough that "fit" shows the widest preset (three regions) whole on a 390 px phone
/// (it needs about 0.19); pinch or the + button bring the cards up to a readable size.
pub const MIN_ZOOM: f64 = 0.15;
pub const MAX_ZOOM: f64 = 3.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for View {
    fn default() -> Self {
        View { x: -40.0, y: -40.0, zoom: 1.0 }
    }
}

impl View {
    pub fn to_screen(&self, mx: f64, my: f64) -> (f64, f64) {
        ((mx - self.x) * self.zoom, (my - self.y) * self.zoom)
    }

    pub fn to_model(&self, sx: f64, sy: f64) -> (f64, f64) {
        (sx / self.zoom + self.x, sy / self.zoom + self.y)
    }

    /// Moves the content by a screen delta (the content follows the pointer).
    pub fn pan_by(&mut self, dx: f64, dy: f64) {
        self.x -= dx / self.zoom;
        self.y -= dy / self.zoom;
    }

    /// Multiplies the zoom by `factor` (clamped to `MIN_ZOOM`..=`MAX_ZOOM`), keeping screen point (sx, sy) fixed.
    pub fn zoom_at(&mut self, factor: f64, sx: f64, sy: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let (mx, my) = self.to_model(sx, sy);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        self.x = mx - sx / self.zoom;
        self.y = my - sy / self.zoom;
    }

    /// The view a two-finger gesture makes of this one (the view when the second finger
    /// landed): the zoom follows the distance between the fingers (clamped like any zoom), and
    /// the model point that was under their midpoint stays under it, so the fingers pinch and
    /// pan at once. Computed from the gesture's start, not step by step, so it never drifts.
    pub fn pinch(&self, from: [(f64, f64); 2], to: [(f64, f64); 2]) -> View {
        let dist = |p: [(f64, f64); 2]| (p[1].0 - p[0].0).hypot(p[1].1 - p[0].1);
        let mid = |p: [(f64, f64); 2]| ((p[0].0 + p[1].0) / 2.0, (p[0].1 + p[1].1) / 2.0);
        let (d0, d1) = (dist(from), dist(to));
        // Fingers on one spot say nothing about scale: keep the zoom, still pan.
        let factor = if d0 > 1.0 && d1.is_finite() { d1 / d0 } else { 1.0 };
        let (m0, m1) = (mid(from), mid(to));
        let (mx, my) = self.to_model(m0.0, m0.1);
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        if !(zoom.is_finite() && m1.0.is_finite() && m1.1.is_finite()) {
            return *self;
        }
        View { x: mx - m1.0 / zoom, y: my - m1.1 / zoom, zoom }
    }

    /// The view that shows `bounds` whole and centred on a screen of the given size, with a
    /// margin of 5% on each side.
    pub fn fit(bounds: Rect, screen_w: f64, screen_h: f64) -> View {
        if bounds.w <= 0.0 || bounds.h <= 0.0 || screen_w <= 0.0 || screen_h <= 0.0 {
            return View::default();
        }
        let zoom = (screen_w * 0.9 / bounds.w).min(screen_h * 0.9 / bounds.h).clamp(MIN_ZOOM, MAX_ZOOM);
        let cx = bounds.x + bounds.w / 2.0;
        let cy = bounds.y + bounds.h / 2.0;
        View { x: cx - screen_w / 2.0 / zoom, y: cy - screen_h / 2.0 / zoom, zoom }
    }
}
