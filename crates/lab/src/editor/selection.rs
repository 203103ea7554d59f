//! Which components and links are selected. Ids, not indices, so a selection survives edits
//! and undo as long as the things it names still exist.

use crate::model::Scenario;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Selected components in the order they were selected.
    pub ids: Vec<String>,
    /// Selected links as (from, to).
    pub links: Vec<(String, String)>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty() && self.links.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|i| i == id)
    }

    pub fn clear(&mut self) {
        self.ids.clear();
        self.links.clear();
    }

    /// A plain click: only this component.
    pub fn only(&mut self, id: &str) {
        self.clear();
        self.ids.push(id.to_string());
    }

    pub fn add(&mut self, id: &str) {
        if !self.contains(id) {
            self.ids.push(id.to_string());
        }
    }

    /// Shift-click: in if it was out, out if it was in.
    pub fn toggle(&mut self, id: &str) {
        if self.contains(id) {
            self.ids.retain(|i| i != id);
        } else {
            self.ids.push(id.to_string());
        }
    }

    pub fn toggle_link(&mut self, from: &str, to: &str) {
        let key = (from.to_string(), to.to_string());
        if let Some(i) = self.links.iter().position(|l| *l == key) {
            self.links.remove(i);
        } else {
            self.links.push(key);
        }
    }

    pub fn only_link(&mut self, from: &str, to: &str) {
        self.clear();
        self.links.push((from.to_string(), to.to_string()));
    }

    pub fn select_all(&mut self, s: &Scenario) {
        self.ids = s.components.iter().map(|c| c.id.clone()).collect();
        self.links.clear();
    }

    /// Forgets ids and links that no longer exist (after undo, delete, rename).
    pub fn retain_existing(&mut self, s: &Scenario) {
        self.ids.retain(|id| s.component(id).is_some());
        self.links.retain(|(f, t)| s.links.iter().any(|l| l.from == *f && l.to == *t));
    }

    /// The single selected component, which the inspector shows.
    pub fn single(&self) -> Option<&str> {
        match (self.ids.as_slice(), self.links.is_empty()) {
            ([one], true) => Some(one),
            _ => None,
        }
    }
}
