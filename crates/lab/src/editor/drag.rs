//! The pointer state machine: `Idle → Pointing → Moving | Connecting | Selecting | Panning`.
//!
//! The UI passes screen coordinates (relative to the canvas); the machine converts them with
//! the editor's [`View`]. Moves recompute their preview from the snapshot taken on entry plus
//! the pointer offset, so a long drag never accumulates rounding drift, and Escape restores the
//! snapshot bit for bit.

use super::geometry::{rect_from_corners, snap, Point};
use super::hit::{component_at, components_in, hit_test, zone_at};
use super::{refuse, Editor, Hit, Reason, Refusal, Selection, View};
use crate::model::{Rect, Scenario};

/// A press that moves less than this (screen pixels) is a click, not a drag.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Slop around thin things (links, handles), in screen pixels.
pub const HIT_SLOP_PX: f64 = 6.0;

/// Keys held when the pointer went down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Shift: toggle selection on click; rubber band when dragging on empty space.
    pub shift: bool,
    /// Space held or middle button: pan whatever is under the pointer.
    pub pan: bool,
}

/// What the pointer went down on.
#[derive(Clone, Debug, PartialEq)]
pub enum Press {
    Component {
        id: String,
        shift: bool,
        was_selected: bool,
    },
    Handle(String),
    Link {
        from: String,
        to: String,
        shift: bool,
    },
    /// Empty canvas, a zone or a region (none of them move by dragging).
    Empty {
        shift: bool,
        pan: bool,
    },
}

/// A move of the selected components in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Moving {
    /// The scenario when the move started: the base of every preview and what Escape restores.
    pub snapshot: Scenario,
    pub ids: Vec<String>,
    /// The component under the pointer: it lands on the grid, the others keep their offsets.
    pub grab: String,
    /// Model point where the pointer went down.
    pub start: Point,
    /// Set while the preview has a component outside every zone: the drop would be refused.
    pub refusal: Option<Reason>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Drag {
    #[default]
    Idle,
    /// Down, not yet moved past the threshold.
    Pointing {
        screen: Point,
        press: Press,
    },
    Moving(Box<Moving>),
    /// Drawing a link from `from`; `verdict` is what releasing over `target` would do.
    Connecting {
        from: String,
        at: Point,
        target: Option<String>,
        verdict: Result<(), Reason>,
    },
    /// Rubber band from `from` to `to` (model); `base` is the selection before it (kept with shift).
    Selecting {
        from: Point,
        to: Point,
        base: Selection,
    },
    Panning {
        from: Point,
        view: View,
    },
}

impl Drag {
    /// The message to show at the pointer during a drag, if the drop would be refused.
    pub fn hint(&self) -> Option<&Reason> {
        match self {
            Drag::Moving(m) => m.refusal.as_ref(),
            Drag::Connecting { verdict: Err(why), .. } => Some(why),
            _ => None,
        }
    }

    /// The rubber band to draw, in model units.
    pub fn band(&self) -> Option<Rect> {
        match self {
            Drag::Selecting { from, to, .. } => Some(rect_from_corners(*from, *to)),
            _ => None,
        }
    }
}

impl Editor {
    pub fn pointer_down(&mut self, sx: f64, sy: f64, mods: Modifiers) {
        self.escape();
        let (mx, my) = self.view.to_model(sx, sy);
        let press = if mods.pan {
            Press::Empty { shift: false, pan: true }
        } else {
            match hit_test(&self.scenario, mx, my, HIT_SLOP_PX / self.view.zoom) {
                Hit::Handle(id) => Press::Handle(id),
                Hit::Component(id) => {
                    let was_selected = self.selection.contains(&id);
                    if !was_selected {
                        if mods.shift {
                            self.selection.add(&id);
                        } else {
                            self.selection.only(&id);
                        }
                    }
                    Press::Component { id, shift: mods.shift, was_selected }
                }
                Hit::Link { from, to } => Press::Link { from, to, shift: mods.shift },
                Hit::Zone(_) | Hit::Region(_) | Hit::Empty => Press::Empty { shift: mods.shift, pan: false },
            }
        };
        self.drag = Drag::Pointing { screen: (sx, sy), press };
    }

    pub fn pointer_move(&mut self, sx: f64, sy: f64) {
        let (mx, my) = self.view.to_model(sx, sy);
        if let Drag::Pointing { screen, press } = &self.drag {
            let (screen, press) = (*screen, press.clone());
            if (sx - screen.0).hypot(sy - screen.1) < DRAG_THRESHOLD_PX {
                return;
            }
            let start = self.view.to_model(screen.0, screen.1);
            self.drag = match press {
                Press::Component { id, .. } => Drag::Moving(Box::new(Moving {
                    snapshot: self.scenario.clone(),
                    ids: self.selection.ids.clone(),
                    grab: id,
                    start,
                    refusal: None,
                })),
                Press::Handle(from) => Drag::Connecting { from, at: start, target: None, verdict: Ok(()) },
                Press::Empty { shift: true, .. } => {
                    Drag::Selecting { from: start, to: start, base: self.selection.clone() }
                }
                Press::Empty { .. } | Press::Link { .. } => Drag::Panning { from: screen, view: self.view },
            };
        }
        match &mut self.drag {
            Drag::Idle | Drag::Pointing { .. } => {}
            Drag::Moving(m) => preview_move(&mut self.scenario, m, (mx, my)),
            Drag::Connecting { from, at, target, verdict } => {
                *at = (mx, my);
                *target = component_at(&self.scenario, mx, my).filter(|t| t != from).map(str::to_string);
                *verdict = match target {
                    Some(t) => check_link(&self.scenario, from, t).map_err(|r| r.reason),
                    None => Ok(()),
                };
            }
            Drag::Selecting { from, to, base } => {
                *to = (mx, my);
                let mut sel = base.clone();
                for id in components_in(&self.scenario, &rect_from_corners(*from, *to)) {
                    sel.add(&id);
                }
                self.selection = sel;
            }
            Drag::Panning { from, view } => {
                let mut v = *view;
                v.pan_by(sx - from.0, sy - from.1);
                self.view = v;
            }
        }
    }

    /// Ends the gesture. A click selects; a move commits one undo step (or reverts, refused, if
    /// dropped outside every zone); a link drawn to a component is added or refused.
    pub fn pointer_up(&mut self, sx: f64, sy: f64) -> Result<(), Refusal> {
        self.pointer_move(sx, sy);
        match std::mem::take(&mut self.drag) {
            Drag::Idle | Drag::Selecting { .. } | Drag::Panning { .. } => Ok(()),
            Drag::Pointing { press, .. } => {
                match press {
                    Press::Component { id, shift, was_selected } => match (shift, was_selected) {
                        (true, true) => self.selection.toggle(&id),
                        (true, false) => {}
                        (false, _) => self.selection.only(&id),
                    },
                    Press::Handle(id) => self.selection.only(&id),
                    Press::Link { from, to, shift: true } => self.selection.toggle_link(&from, &to),
                    Press::Link { from, to, shift: false } => self.selection.only_link(&from, &to),
                    Press::Empty { shift: false, pan: false } => self.selection.clear(),
                    Press::Empty { .. } => {}
                }
                Ok(())
            }
            Drag::Moving(m) => {
                let Moving { snapshot, refusal, ids, .. } = *m;
                if let Some(why) = refusal {
                    self.scenario = snapshot;
                    return refuse(why);
                }
                // Dropped onto another card: to the nearest free place, in the same step.
                super::layout::nudge(&mut self.scenario, &ids, Some(&snapshot));
                if self.scenario != snapshot {
                    self.history.record(snapshot);
                }
                Ok(())
            }
            Drag::Connecting { from, target: Some(to), .. } => self.connect(&from, &to),
            Drag::Connecting { .. } => Ok(()),
        }
    }

    /// A second finger landed: the one-finger gesture gives way to a pinch. A move or a rubber
    /// band is undone as if it never happened (Escape); a pan keeps where it got to, so the
    /// view does not jump back under the fingers; a press or a link draft is dropped.
    pub fn yield_to_pinch(&mut self) {
        match &self.drag {
            Drag::Moving(_) | Drag::Selecting { .. } => self.escape(),
            _ => self.drag = Drag::Idle,
        }
    }

    /// Cancels the gesture and restores exactly what it had changed.
    pub fn escape(&mut self) {
        match std::mem::take(&mut self.drag) {
            Drag::Moving(m) => self.scenario = m.snapshot,
            Drag::Selecting { base, .. } => self.selection = base,
            Drag::Panning { view, .. } => self.view = view,
            _ => {}
        }
    }

    /// Adds the link `from → to` as one undo step, or refuses with the reason.
    pub fn connect(&mut self, from: &str, to: &str) -> Result<(), Refusal> {
        check_link(&self.scenario, from, to)?;
        self.edit(|s| {
            s.links.push(crate::model::Link { from: from.to_string(), to: to.to_string(), rtt_ms: None });
            Ok(())
        })
    }
}

/// Whether `from → to` may be added: not to itself, not twice, and between kinds that talk.
pub fn check_link(s: &Scenario, from: &str, to: &str) -> Result<(), Refusal> {
    if from == to {
        return refuse(Reason::LinkSelf);
    }
    let (Some(a), Some(b)) = (s.component(from), s.component(to)) else {
        return refuse(Reason::LinkEnds);
    };
    if s.links.iter().any(|l| l.from == from && l.to == to) {
        return refuse(Reason::LinkExists { from: from.to_string(), to: to.to_string() });
    }
    crate::model::link_rule(&a.kind, &b.kind).map_err(|r| Refusal::new(Reason::LinkKinds(r)))
}

/// The components a link from `from` may go to (the keyboard's connect list), in scenario
/// order: every one that [`check_link`] accepts.
pub fn link_targets(s: &Scenario, from: &str) -> Vec<String> {
    s.components.iter().filter(|c| check_link(s, from, &c.id).is_ok()).map(|c| c.id.clone()).collect()
}

/// Sets the moved components to snapshot + offset (the grabbed one snapped to the grid) and
/// their placements to the zones they are over.
fn preview_move(s: &mut Scenario, m: &mut Moving, pointer: Point) {
    let (dx, dy) = (pointer.0 - m.start.0, pointer.1 - m.start.1);
    let Some(g) = m.snapshot.component(&m.grab) else { return };
    let (dx, dy) = (snap(g.x + dx) - g.x, snap(g.y + dy) - g.y);
    m.refusal = None;
    for id in &m.ids {
        let (Some(orig), Some(i)) = (m.snapshot.component(id), s.components.iter().position(|c| c.id == *id))
        else {
            continue;
        };
        let (x, y) = (orig.x + dx, orig.y + dy);
        let place = zone_at(&m.snapshot, x, y);
        if place.is_none() {
            m.refusal = Some(Reason::DropIdInZone(id.clone()));
        }
        let c = &mut s.components[i];
        c.x = x;
        c.y = y;
        c.place = place.unwrap_or_else(|| orig.place.clone());
    }
}
