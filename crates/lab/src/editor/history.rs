//! Undo and redo as whole-scenario snapshots.
//!
//! A scenario is a few kilobytes at most (200 components), so keeping whole copies is simpler
//! and safer than inverse operations: undo can never disagree with the edit it undoes.

use crate::model::Scenario;

/// How many steps are kept; the oldest are dropped first.
pub const HISTORY_LIMIT: usize = 200;

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
}

impl History {
    /// Records the scenario as it was before a new edit; a new edit forgets the redo branch.
    pub fn record(&mut self, before: Scenario) {
        self.undo.push(before);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Swaps `current` for the previous step; false when there is nothing to undo.
    pub fn undo(&mut self, current: &mut Scenario) -> bool {
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(current, prev));
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self, current: &mut Scenario) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(current, next));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
