//! The registry of per-frame painters: the one animation-frame loop calls every registered
//! painter after it advances the engine, so everything that moves is drawn from the same instant
//! and no Yew diff runs per frame. Also keeps the frame timings the benchmark page reports.
//! Components register with `hooks::painters::use_painter`; the registry is data the running
//! lab holds (`Lab::painters`), so it sits here, below the hooks.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::runtime::Runtime;
use crate::editor::View;
use crate::i18n::Lang;

/// What a painter may read while it draws one frame.
pub struct PaintCtx<'a> {
    pub runtime: &'a Runtime,
    pub view: View,
    pub lang: Lang,
    /// Wall-clock time of this frame (performance.now), for animations such as error flashes.
    pub now_ms: f64,
}

type Painter = Box<dyn FnMut(&PaintCtx)>;

/// The painters of the mounted panels, called in registration order.
#[derive(Default)]
pub struct Painters {
    next: u64,
    list: Vec<(u64, Painter)>,
}

impl Painters {
    pub fn add(&mut self, p: Painter) -> u64 {
        self.next += 1;
        self.list.push((self.next, p));
        self.next
    }
    pub fn remove(&mut self, id: u64) {
        self.list.retain(|(i, _)| *i != id);
    }
    pub fn paint_all(&mut self, ctx: &PaintCtx) {
        for (_, p) in &mut self.list {
            p(ctx);
        }
    }
}

/// Timings of one animation frame, in wall-clock milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FrameTiming {
    /// Time since the previous frame started.
    pub interval_ms: f64,
    /// Time this frame spent in the engine.
    pub engine_ms: f64,
    /// Time this frame spent in the engine and all painters together.
    pub work_ms: f64,
}

/// The most recent frame timings (a ring of `FrameLog::LEN`).
#[derive(Default)]
pub struct FrameLog {
    pub frames: VecDeque<FrameTiming>,
    /// Frames recorded since the start, including those that fell off the ring.
    pub count: u64,
}

impl FrameLog {
    pub const LEN: usize = 4096;
    pub fn push(&mut self, t: FrameTiming) {
        if self.frames.len() == Self::LEN {
            self.frames.pop_front();
        }
        self.frames.push_back(t);
        self.count += 1;
    }
}

pub type PaintersHandle = Rc<RefCell<Painters>>;
pub type FrameLogHandle = Rc<RefCell<FrameLog>>;
