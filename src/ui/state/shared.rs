//! State shared between the Yew panels and the per-frame drawing, without re-rendering.
//!
//! The frame loop must read the engine and the view transform every frame, and the panels must
//! not re-render every frame. So the engine (`Runtime`) and the canvas view live behind
//! `Rc<RefCell<..>>`/`Rc<Cell<..>>` handles handed down as a property, and panels re-render on
//! `tick`, which the frame loop bumps a few times a second.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::Properties;

use super::runtime::Runtime;
use crate::i18n::Lang;
use crate::ui::components::chaos::targets::Journal;
use crate::ui::hooks::painters::{FrameLogHandle, PaintersHandle};

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

/// Handles every panel that shows the running lab is given.
#[derive(Clone)]
pub struct Shared {
    pub runtime: Rc<RefCell<Runtime>>,
    pub view: Rc<Cell<ViewBox>>,
    /// Per-frame drawing hooks, called by the frame loop after the engine advanced.
    pub painters: PaintersHandle,
    /// Recent frame timings, for the benchmark page.
    pub frames: FrameLogHandle,
    /// The chaos clicks of this run, shared by the chaos panel and the inspector's buttons.
    pub journal: Rc<RefCell<Journal>>,
    pub lang: Lang,
    /// Bumped by the frame loop a few times a second: panels showing live numbers depend on it.
    pub tick: u64,
}

/// The shared handles, handed down as a property: there is no context in the app (each would
/// cost its provider component and hook in the wasm), so every panel gets what it reads.
#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub shared: Shared,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.runtime, &other.runtime) && self.tick == other.tick && self.lang == other.lang
    }
}
