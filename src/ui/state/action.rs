//! What the edited scenario's reducer (`state.rs`) can be asked to do: every intent the views
//! send up, from a pointer move on the canvas to a name typed into the inspector.

use crate::editor::{self, Modifiers, PaletteItem};
use crate::model::{Placement, Scenario, Traffic};

#[derive(Clone)]
pub enum Action {
    /// Load a whole scenario (a preset, a link, a file): one undo step.
    Replace(Scenario),
    /// Run settings changed from the toolbar while the lab runs. They are saved and shared with
    /// the scenario but are not edits of the design: no undo step, and undo keeps them.
    SetTraffic(Traffic),
    SetSpeed(f64),
    /// A new seed is a different run: the lab restarts with it.
    SetSeed(u64),
    /// Pointer events on the canvas, in canvas-relative screen pixels.
    PointerDown {
        x: f64,
        y: f64,
        mods: Modifiers,
    },
    PointerMove {
        x: f64,
        y: f64,
    },
    PointerUp {
        x: f64,
        y: f64,
    },
    /// A second finger landed on the canvas: the one-finger gesture gives way to a pinch.
    PinchStart,
    /// Two fingers moved from `from` (where they were when the view was `start`) to `to`.
    Pinch {
        start: editor::View,
        from: [(f64, f64); 2],
        to: [(f64, f64); 2],
    },
    /// A keyboard action (undo, redo, delete, duplicate, select all, Escape).
    Key(editor::Action),
    /// A palette item dropped at model point `at`; `screen` is where to show a refusal.
    Place {
        item: PaletteItem,
        at: (f64, f64),
        screen: (f64, f64),
    },
    /// A palette item is dragged over this zone (`None`: over no zone, or the drag ended).
    PaletteHover(Option<Placement>),
    AddRegion(String),
    AddZone(String),
    RemoveZone {
        region: String,
        zone: String,
    },
    /// Ask to remove a region; one holding components waits in `pending_removal`.
    RemoveRegion(String),
    ConfirmRemoval,
    CancelRemoval,
    Clear,
    New,
    /// Text typed into an inspector field of component `id`.
    SetField {
        id: String,
        key: String,
        text: String,
    },
    /// A value entered into field `key` of a selection of one kind: all of them, one undo step.
    SetFieldAll {
        ids: Vec<String>,
        key: String,
        text: String,
    },
    /// The keyboard's connect list chose `to` for a link from `from`.
    Connect {
        from: String,
        to: String,
    },
    /// The focus left a number field: the next edit of that field is a new undo step, not a
    /// continuation of this one's typing.
    FieldLeft,
    /// A name being typed into field `key` of component `id`, kept as a draft until `SetField`.
    TypeField {
        id: String,
        key: String,
        text: String,
    },
    /// Select exactly these components (the inspector's link list, tests).
    Select(Vec<String>),
    ZoomAt {
        factor: f64,
        x: f64,
        y: f64,
    },
    /// Fit everything on a canvas of this size in pixels.
    Fit {
        w: f64,
        h: f64,
    },
    Notify {
        text: crate::i18n::Key,
        at: Option<(f64, f64)>,
    },
    DismissNotice(u64),
    /// An alarm or deployment saved or deleted in the Operate tab: one undo step.
    Operate(editor::OperateEdit),
}
