//! The diagram editor, as pure state: selection, drag states, undo history, hit testing and the
//! pan/zoom view, all in model coordinates. No yew, no web-sys: everything here runs natively
//! in `tests/editor.rs`, and the Yew canvas only turns pointer and key events into calls on
//! [`Editor`] and draws what it holds.
//!
//! # Shape
//!
//! [`Editor`] owns the [`Scenario`] (the single source of truth) plus four pieces of editing
//! state that are never saved or shared: the [`Selection`], the current [`Drag`], the
//! [`History`] and the [`View`].
//!
//! Every command is a method that either applies one whole edit or refuses with a
//! [`Refusal`] whose reason the UI shows at the pointer or next to a field; a refused command
//! changes nothing. Each kind of update says whether it enters undo history, as excalidraw's
//! store does: commands go through [`Editor::edit`], which records exactly one undo step when
//! the scenario changed (none when it did not) and refuses any edit that would make a valid
//! scenario invalid, so `model::validate` stays empty whatever the user does. Drag previews
//! change the scenario *without* history; the drag's end commits one step.
//!
//! # Drags
//!
//! A drag is a state machine ([`Drag`]): `Idle → Pointing → Moving | Connecting | Selecting |
//! Panning`, as in tldraw's Translating state. Entering a move snapshots the scenario; every
//! pointer move recomputes the preview from that snapshot plus the pointer offset (so there is
//! no drift); Escape restores the snapshot exactly; pointer-up commits one undo step. A press
//! that moves less than [`DRAG_THRESHOLD_PX`] screen pixels is a click, which selects.

mod actions;
mod commands;
mod drag;
mod fields;
mod fields_operate;
mod geometry;
mod history;
mod hit;
mod layout;
mod number;
mod operate;
mod operate_forms;
mod reason;
mod regions;
mod selection;
mod view;

use std::fmt;

pub use actions::Action;
pub use commands::PaletteItem;
pub use drag::{check_link, link_targets};
pub use drag::{Drag, Modifiers, Moving, Press, DRAG_THRESHOLD_PX, HIT_SLOP_PX};
pub use fields::{
    apply_field, apply_field_to_all, fields_for, link_info, shared_fields, Field, FieldError, Input,
};
pub use fields_operate::{group_for, SIZES};
pub use geometry::*;
pub use history::{History, HISTORY_LIMIT};
pub use hit::{component_at, components_in, hit_test, region_at, zone_at, zone_rect_of, Hit};
pub use layout::{
    clash, clashes, covers, footprint, free_offset, intersects, nudge, strip_height, tray_height,
    FAILED_LINE, STRIP_GAP, STRIP_LINE, STRIP_PIP,
};
pub use number::{parse_decimal, NumberError};
pub use operate::OperateEdit;
pub use operate_forms::{app_tiers, blue_green_ready, AlarmForm, DeployForm, ACTIONS, METRICS, STRATEGIES};
pub use reason::Reason;
pub use regions::{RegionRemoval, REGION_GAP, REGION_H, ZONE_W};
pub use selection::Selection;
pub use view::{View, MAX_ZOOM, MIN_ZOOM};

use crate::model::{validate, Scenario};

/// Why a command or a drop was refused; `crate::i18n::describe_reason` words it for the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub reason: Reason,
}

impl Refusal {
    pub fn new(reason: Reason) -> Self {
        Refusal { reason }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.reason)
    }
}

/// Shorthand for a refused command.
pub(crate) fn refuse<T>(reason: Reason) -> Result<T, Refusal> {
    Err(Refusal::new(reason))
}

#[derive(Clone, Debug)]
pub struct Editor {
    pub scenario: Scenario,
    pub selection: Selection,
    pub drag: Drag,
    pub history: History,
    pub view: View,
}

impl Editor {
    /// Starts editing `scenario` with an empty history and a default view.
    pub fn new(scenario: Scenario) -> Self {
        Editor {
            scenario,
            selection: Selection::default(),
            drag: Drag::Idle,
            history: History::default(),
            view: View::default(),
        }
    }

    /// Replaces the scenario (a preset or a shared link was opened): history starts afresh.
    pub fn load(&mut self, scenario: Scenario) {
        *self = Editor { view: self.view, ..Editor::new(scenario) };
    }

    /// Applies one edit as one undo step. `f` works on a copy: if it refuses, or its result
    /// adds a validation problem the scenario did not have, nothing changes. An edit that
    /// changes nothing records no step. A drag in progress is cancelled first.
    pub fn edit<T>(&mut self, f: impl FnOnce(&mut Scenario) -> Result<T, Refusal>) -> Result<T, Refusal> {
        self.escape();
        let mut next = self.scenario.clone();
        let out = f(&mut next)?;
        if next == self.scenario {
            return Ok(out);
        }
        let before = validate(&self.scenario);
        if let Some(d) = validate(&next).into_iter().find(|d| !before.contains(d)) {
            return refuse(Reason::Invalid(d));
        }
        self.history.record(std::mem::replace(&mut self.scenario, next));
        self.selection.retain_existing(&self.scenario);
        Ok(out)
    }

    pub fn undo(&mut self) -> bool {
        self.escape();
        let done = self.history.undo(&mut self.scenario);
        self.selection.retain_existing(&self.scenario);
        done
    }

    pub fn redo(&mut self) -> bool {
        self.escape();
        let done = self.history.redo(&mut self.scenario);
        self.selection.retain_existing(&self.scenario);
        done
    }

    pub fn select_all(&mut self) {
        self.selection.select_all(&self.scenario);
    }

    /// What lies under a screen point, with the same slop as a press: for hover cursors and
    /// for highlighting the zone a palette item would drop into.
    pub fn hit_at(&self, sx: f64, sy: f64) -> Hit {
        let (x, y) = self.view.to_model(sx, sy);
        hit_test(&self.scenario, x, y, HIT_SLOP_PX / self.view.zoom)
    }

    /// Fits every region and component on a screen of the given size ("fit to view").
    pub fn fit_view(&mut self, screen_w: f64, screen_h: f64) {
        if let Some(b) = bounds(&self.scenario) {
            self.view = View::fit(b, screen_w, screen_h);
        }
    }
}
