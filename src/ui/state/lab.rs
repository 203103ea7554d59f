//! The one context every panel reads: the editor, the running lab and the language, provided
//! once by the root (`ContextProvider<Lab>`) and taken with [`use_lab`], after Yew's
//! `examples/contexts` (a reducer handle as the context's value).
//!
//! The running lab is a set of handles that never change for the app's life (the engine, the
//! view, the painters, the frame timings): the frame loop and the painters read them through
//! their `Rc` cells every frame, never through a render, so per-frame drawing stays out of Yew.
//! The context's value changes, and its readers re-render, only when the editor acts (an edit, a
//! selection, a drag's move) or the language switches: as often as the editor canvas and the
//! side panel re-rendered when the same values were handed down as properties. Readers that
//! read no editor (the toolbar, the dashboard's charts) re-render at an editor action too: Yew's
//! `use_context` has no selector, and their markup is small (ARCHITECTURE.md has the counts).
//!
//! The panel beat ([`Tick`], bumped by the frame loop four times a second) is a context of its
//! own, apart from `Lab`: in `Lab` it would re-render every reader four times a second (the
//! palette, the keyboard connect list, the charts' frames, whose markup does not change with the
//! run), where only the panels showing live numbers subscribe to it with [`use_tick`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::painters::{FrameLogHandle, PaintersHandle};
use super::runtime::Runtime;
use super::EditorHandle;
use crate::editor::View;
use crate::i18n::Lang;

/// The editor, the running lab and the language.
#[derive(Clone)]
pub struct Lab {
    /// The edited scenario (the one reducer): read it, and dispatch to it.
    pub editor: EditorHandle,
    /// The engine, advanced by the frame loop.
    pub runtime: Rc<RefCell<Runtime>>,
    /// The canvas view, written by the canvas, read by the painters and the autosave.
    pub view: Rc<Cell<View>>,
    /// Per-frame drawing hooks, called by the frame loop after the engine advanced.
    pub painters: PaintersHandle,
    /// Recent frame timings, for the benchmark page.
    pub frames: FrameLogHandle,
    pub lang: Lang,
}

/// Readers re-render when the editor acted or the language switched; the handles are the
/// root's, made once, so they are compared by address only to be exact.
impl PartialEq for Lab {
    fn eq(&self, other: &Self) -> bool {
        self.editor == other.editor && Rc::ptr_eq(&self.runtime, &other.runtime) && self.lang == other.lang
    }
}

/// The panel beat: bumped by the frame loop a few times a second, so panels showing live numbers
/// re-render at that pace and no faster.
#[derive(Clone, Copy, PartialEq)]
pub struct Tick(pub u64);

/// The lab, from the root's provider.
#[hook]
pub fn use_lab() -> Lab {
    // Every component is inside the root's provider; without it there is nothing to show.
    use_context::<Lab>().unwrap_or_else(|| panic!("use_lab outside the root's ContextProvider<Lab>"))
}

/// Subscribes the calling panel to the beat: it re-renders a few times a second.
#[hook]
pub fn use_tick() -> u64 {
    use_context::<Tick>().map_or(0, |t| t.0)
}
