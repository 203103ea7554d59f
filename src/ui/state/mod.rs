//! The edited scenario as Yew state: one reducer, props down, intents up as actions.
//!
//! The reducer wraps the pure [`Editor`] (selection, drag machine, history, view) and adds only
//! what the screen needs around it: a notice to show at the pointer after a refusal, the text
//! the user typed into an inspector field that was refused (with its error) or not applied yet
//! (a name), and a pending "remove this region?" question. Its actions are in `action.rs`.
//!
//! The editor lives behind `Rc<RefCell<..>>` because its history holds up to 200 whole
//! scenarios: cloning that on every pointer move of a drag would be wasteful. Only `reduce`
//! mutates it; views read it through [`EditorState::editor`]. `version` changes on every
//! action, so the state still compares unequal after each change. The price: states share
//! their editor, so only the newest state is meaningful (as in Yew, which keeps only that).
//!
//! The folder holds what many components read: this reducer and its actions, the language, the
//! running lab, the canvas view and the one context that carries them (`lab.rs`).

mod action;
pub mod lab;
pub mod lang;
pub mod painters;
pub mod runtime;

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::editor::{self, apply_field, apply_field_to_all, Drag, Editor, RegionRemoval};
use crate::model::{Placement, Scenario};
pub use crate::ui::state::action::Action;

/// A message shown on the canvas for about two seconds (a refused drop, link or command).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub said: Said,
    /// Canvas-relative screen point to show it at; `None` shows it at the top of the canvas.
    pub at: Option<(f64, f64)>,
    /// Distinguishes notices so the timer of an old one does not dismiss a new one.
    pub seq: u64,
}

/// What a notice says: a refusal or a text, worded in the page's language when shown (the
/// language may change while it is on screen).
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    Refused(editor::Reason),
    Text(crate::i18n::Key),
}

impl Notice {
    pub fn words(&self, lang: crate::i18n::Lang) -> String {
        match &self.said {
            Said::Refused(r) => crate::i18n::describe_reason(lang, r),
            Said::Text(key) => crate::i18n::t(lang, *key).to_string(),
        }
    }
}

/// Text typed into an inspector field that was not applied: refused (with why), or a name
/// still being typed (no error), which is applied when the field is left or Enter is pressed.
/// Kept here so that a render in between (the lab refreshes its panels) shows the text as
/// typed: Yew puts an input's rendered value back whenever it differs from the page's.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub id: String,
    pub key: String,
    pub text: String,
    pub error: Option<editor::Reason>,
}

/// A region removal waiting for the user's confirmation.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingRemoval {
    pub region: String,
    pub components: usize,
}

pub struct EditorState {
    editor: Rc<RefCell<Editor>>,
    /// The scenario as drawn (a drag's preview included), copied out of the editor.
    scenario: Rc<Scenario>,
    /// Bumped on every change of the scenario outside a move preview (a preview becomes a
    /// change when the drag ends), so effects such as rebuilding the engine depend on it.
    pub revision: u64,
    /// Bumped on every action: selection, drag, view and notices included.
    pub version: u64,
    /// Bumped when the canvas should fit the view to the scenario: a scenario was loaded or a
    /// region was added (it lands to the right, often off screen).
    pub refit: u64,
    /// The scenario changed since `revision` was last bumped (during a move preview).
    dirty: bool,
    /// Last pointer position over the canvas during a gesture (canvas-relative screen units).
    pub pointer: (f64, f64),
    pub notice: Option<Notice>,
    pub drafts: Vec<Draft>,
    pub pending_removal: Option<PendingRemoval>,
    /// The zone a palette item being dragged would drop into, drawn highlighted.
    pub palette_target: Option<Placement>,
    /// The selected component ids, copied out of the editor for panels that read them.
    selection: Vec<String>,
    /// The last field edit (component, key, revision after it): typing into the same field
    /// again replaces that undo step instead of adding one per keystroke, until the field is
    /// left (`Action::FieldLeft`).
    last_field: Option<(String, String, u64)>,
}

impl PartialEq for EditorState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.editor, &other.editor) && self.version == other.version
    }
}

impl EditorState {
    pub fn new(scenario: Scenario) -> Self {
        EditorState {
            scenario: Rc::new(scenario.clone()),
            editor: Rc::new(RefCell::new(Editor::new(scenario))),
            revision: 0,
            version: 0,
            refit: 0,
            dirty: false,
            pointer: (0.0, 0.0),
            notice: None,
            drafts: Vec::new(),
            pending_removal: None,
            palette_target: None,
            selection: Vec::new(),
            last_field: None,
        }
    }

    /// Starts with these components selected (restored from the autosave); unknown ids are
    /// ignored by the editor's selection.
    pub fn with_selection(mut self, ids: &[String]) -> Self {
        {
            let mut ed = self.editor.borrow_mut();
            ids.iter().for_each(|id| ed.selection.add(id));
        }
        self.selection = self.editor.borrow().selection.ids.to_vec();
        self
    }

    /// The scenario as drawn; during a move this is the preview.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Ids of the selected components.
    pub fn selected(&self) -> &[String] {
        &self.selection
    }

    /// Read access to the editor (selection, drag, view, history). Do not hold it across a
    /// dispatch.
    pub fn editor(&self) -> Ref<'_, Editor> {
        self.editor.borrow()
    }

    /// The refused text and error of a field, if any.
    pub fn draft(&self, id: &str, key: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id && d.key == key)
    }
}

impl Reducible for EditorState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Leaving a field with no typing pending changes nothing: the same state, so no panel
        // re-renders (Yew 0.23's `use_reducer` skips a render when the same `Rc` comes back).
        if matches!(action, Action::FieldLeft) && self.last_field.is_none() {
            return self;
        }
        let mut next = EditorState {
            editor: self.editor.clone(),
            scenario: self.scenario.clone(),
            revision: self.revision,
            version: self.version + 1,
            refit: self.refit,
            dirty: self.dirty,
            pointer: self.pointer,
            notice: self.notice.clone(),
            drafts: self.drafts.clone(),
            pending_removal: self.pending_removal.clone(),
            palette_target: self.palette_target.clone(),
            selection: self.selection.clone(),
            last_field: self.last_field.clone(),
        };
        let refusal = next.apply(action);
        if let Some((text, at)) = refusal {
            next.notify(text, at);
        }
        next.sync();
        Rc::new(next)
    }
}

type Refused = Option<(Said, Option<(f64, f64)>)>;

fn refused<T>(r: Result<T, editor::Refusal>, at: Option<(f64, f64)>) -> Refused {
    r.err().map(|e| (Said::Refused(e.reason), at))
}

impl EditorState {
    /// Applies one action to the editor; returns a refusal to show, if any.
    fn apply(&mut self, action: Action) -> Refused {
        let cell = self.editor.clone();
        let mut ed = cell.borrow_mut();
        match action {
            Action::Replace(s) => {
                // One undo step; a scenario with problems of its own (which the lab reports)
                // cannot go through the editor's validity check, so it starts a fresh history.
                if ed
                    .edit(|cur| {
                        *cur = s.clone();
                        Ok(())
                    })
                    .is_err()
                {
                    ed.load(s);
                }
                ed.selection.clear();
                self.refit += 1;
                self.drafts.clear();
                self.pending_removal = None;
                None
            }
            Action::PointerDown { x, y, mods } => {
                self.pointer = (x, y);
                ed.pointer_down(x, y, mods);
                None
            }
            Action::PinchStart => {
                ed.yield_to_pinch();
                None
            }
            Action::Pinch { start, from, to } => {
                ed.view = start.pinch(from, to);
                None
            }
            Action::PointerMove { x, y } => {
                self.pointer = (x, y);
                ed.pointer_move(x, y);
                None
            }
            Action::PointerUp { x, y } => {
                self.pointer = (x, y);
                refused(ed.pointer_up(x, y), Some((x, y)))
            }
            Action::SetTraffic(t) => {
                ed.scenario.traffic = t;
                None
            }
            Action::SetSpeed(v) => {
                ed.scenario.run.speed = v;
                None
            }
            Action::SetSeed(seed) => {
                ed.scenario.seed = seed;
                None
            }
            Action::Key(a) => {
                if !matches!(a, editor::Action::Undo | editor::Action::Redo) {
                    return refused(ed.perform(a), None);
                }
                self.drafts.clear();
                // Undo walks back the design, not the run settings (they have no undo step).
                let (traffic, run, seed) =
                    (ed.scenario.traffic.clone(), ed.scenario.run.clone(), ed.scenario.seed);
                let out = ed.perform(a);
                ed.scenario.traffic = traffic;
                ed.scenario.run = run;
                ed.scenario.seed = seed;
                refused(out, None)
            }
            Action::Place { item, at, screen } => {
                self.palette_target = None;
                refused(ed.place(item, at.0, at.1), Some(screen))
            }
            Action::PaletteHover(target) => {
                self.palette_target = target;
                None
            }
            Action::AddRegion(code) => {
                let r = ed.add_region(&code);
                if r.is_ok() {
                    self.refit += 1;
                }
                refused(r, None)
            }
            Action::AddZone(code) => refused(ed.add_zone(&code), None),
            Action::RemoveZone { region, zone } => refused(ed.remove_zone(&region, &zone), None),
            Action::RemoveRegion(code) => match ed.remove_region(&code, false) {
                Ok(RegionRemoval::NeedsConfirmation { components }) => {
                    self.pending_removal = Some(PendingRemoval { region: code, components });
                    None
                }
                other => refused(other, None),
            },
            Action::ConfirmRemoval => match self.pending_removal.take() {
                Some(p) => refused(ed.remove_region(&p.region, true), None),
                None => None,
            },
            Action::CancelRemoval => {
                self.pending_removal = None;
                None
            }
            Action::Clear => refused(ed.clear(), None),
            Action::New => refused(ed.new_scenario(), None),
            Action::SetField { id, key, text } => {
                self.set_field(&mut ed, id, key, text);
                None
            }
            Action::SetFieldAll { ids, key, text } => {
                let r = apply_field_to_all(&mut ed, &ids, &key, &text)
                    .map_err(|e| editor::Refusal::new(e.reason));
                refused(r, None)
            }
            Action::Connect { from, to } => {
                let r = ed.connect(&from, &to);
                if r.is_ok() {
                    ed.selection.only_link(&from, &to);
                }
                refused(r, None)
            }
            Action::FieldLeft => {
                self.last_field = None;
                None
            }
            Action::TypeField { id, key, text } => {
                self.drafts.retain(|d| !(d.id == id && d.key == key));
                self.drafts.push(Draft { id, key, text, error: None });
                None
            }
            Action::Select(ids) => {
                ed.selection.clear();
                ids.iter().for_each(|id| ed.selection.add(id));
                None
            }
            Action::ZoomAt { factor, x, y } => {
                ed.view.zoom_at(factor, x, y);
                None
            }
            Action::Fit { w, h } => {
                ed.fit_view(w, h);
                None
            }
            Action::Notify { text, at } => Some((Said::Text(text), at)),
            Action::Operate(op) => refused(op.apply(&mut ed), None),
            Action::DismissNotice(seq) => {
                if self.notice.as_ref().is_some_and(|n| n.seq == seq) {
                    self.notice = None;
                }
                None
            }
        }
    }

    /// Applies a typed value, replacing the previous step when the user keeps typing into the
    /// same field; a refused value is kept as a draft with its error and changes nothing.
    fn set_field(&mut self, ed: &mut Editor, id: String, key: String, text: String) {
        let same_field = key != "id"
            && self
                .last_field
                .as_ref()
                .is_some_and(|(i, k, rev)| *i == id && *k == key && *rev == self.revision && !self.dirty);
        let undone = same_field && ed.history.can_undo() && ed.undo();
        let base = ed.scenario.clone();
        match apply_field(ed, &id, &key, &text) {
            Ok(()) => {
                self.drafts.retain(|d| !(d.id == id && d.key == key));
                // Only an edit that recorded a step may be replaced by the next keystroke.
                let recorded = ed.scenario != base;
                let rev = if ed.scenario != *self.scenario { self.revision + 1 } else { self.revision };
                self.last_field = (recorded && key != "id").then_some((id, key, rev));
            }
            Err(e) => {
                if undone {
                    ed.redo();
                }
                self.drafts.retain(|d| !(d.id == id && d.key == key));
                self.drafts.push(Draft { id, key, text, error: Some(e.reason) });
            }
        }
    }

    fn notify(&mut self, said: Said, at: Option<(f64, f64)>) {
        let seq = self.notice.as_ref().map_or(0, |n| n.seq) + 1;
        self.notice = Some(Notice { said, at, seq });
    }

    /// Copies the scenario out of the editor and bumps `revision` when it changed for good.
    fn sync(&mut self) {
        let ed = self.editor.borrow();
        if ed.scenario != *self.scenario {
            self.scenario = Rc::new(ed.scenario.clone());
            self.dirty = true;
        }
        if self.dirty && !matches!(ed.drag, Drag::Moving(_)) {
            self.revision += 1;
            self.dirty = false;
        }
        if self.selection != ed.selection.ids {
            self.selection = ed.selection.ids.clone();
        }
        let single = ed.selection.single().map(str::to_string);
        self.drafts.retain(|d| Some(&d.id) == single.as_ref());
        if self.pending_removal.as_ref().is_some_and(|p| ed.scenario.region(&p.region).is_none()) {
            self.pending_removal = None;
        }
    }
}

pub type EditorHandle = UseReducerHandle<EditorState>;

/// A button's click that dispatches `action`: one closure type for every such button, where a
/// closure per button would each bring their own code.
pub fn on_click(state: &EditorHandle, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
}
