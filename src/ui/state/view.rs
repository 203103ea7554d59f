//! The canvas view transform, shared by the editor canvas (which sets it) and the per-frame
//! painters and the autosave (which read it).

use crate::ui::platform::persist::SavedView;

/// Model → screen transform of the canvas: `screen = (model - origin) * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for ViewBox {
    fn default() -> Self {
        ViewBox { x: -40.0, y: -40.0, zoom: 1.0 }
    }
}

impl ViewBox {
    pub fn to_screen(self, mx: f64, my: f64) -> (f64, f64) {
        ((mx - self.x) * self.zoom, (my - self.y) * self.zoom)
    }
    pub fn to_model(self, sx: f64, sy: f64) -> (f64, f64) {
        (sx / self.zoom + self.x, sy / self.zoom + self.y)
    }
}

/// The view as the autosave keeps it (the storage format is the adapter's, below).
impl From<ViewBox> for SavedView {
    fn from(v: ViewBox) -> Self {
        SavedView { x: v.x, y: v.y, zoom: v.zoom }
    }
}

impl From<SavedView> for ViewBox {
    fn from(v: SavedView) -> Self {
        ViewBox { x: v.x, y: v.y, zoom: v.zoom }
    }
}
