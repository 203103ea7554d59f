//! Keyboard actions, excalidraw style: each has a key binding, a label for the shortcut list
//! (`?`), and a `perform` on the editor. The canvas maps a key event with [`Action::for_key`]
//! and calls [`Editor::perform`]; the shortcut overlay lists [`Action::ALL`].

use super::{Editor, Refusal};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Undo,
    Redo,
    Delete,
    Duplicate,
    SelectAll,
    /// Escape: cancel the drag in progress (restoring what it changed), else clear the selection.
    Cancel,
}

impl Action {
    pub const ALL: [Action; 6] =
        [Action::Undo, Action::Redo, Action::Delete, Action::Duplicate, Action::SelectAll, Action::Cancel];

    /// Maps a `KeyboardEvent.key` with Ctrl (or Cmd on macOS) and Shift to an action.
    pub fn for_key(key: &str, ctrl_or_cmd: bool, shift: bool) -> Option<Action> {
        let k = key.to_ascii_lowercase();
        match (k.as_str(), ctrl_or_cmd, shift) {
            ("z", true, false) => Some(Action::Undo),
            ("z", true, true) | ("y", true, false) => Some(Action::Redo),
            ("delete" | "backspace", false, _) => Some(Action::Delete),
            ("d", true, false) => Some(Action::Duplicate),
            ("a", true, false) => Some(Action::SelectAll),
            ("escape", _, _) => Some(Action::Cancel),
            _ => None,
        }
    }

    /// How the shortcut list shows the binding ("Mod" reads Ctrl, or ⌘ on macOS).
    pub fn shortcut(self) -> &'static str {
        match self {
            Action::Undo => "Mod+Z",
            Action::Redo => "Mod+Shift+Z",
            Action::Delete => "Delete",
            Action::Duplicate => "Mod+D",
            Action::SelectAll => "Mod+A",
            Action::Cancel => "Escape",
        }
    }

    /// i18n key of the action's name ("action.undo").
    pub fn label_key(self) -> &'static str {
        match self {
            Action::Undo => "action.undo",
            Action::Redo => "action.redo",
            Action::Delete => "action.delete",
            Action::Duplicate => "action.duplicate",
            Action::SelectAll => "action.select_all",
            Action::Cancel => "action.cancel",
        }
    }
}

impl Editor {
    /// Performs an action; only Delete and Duplicate can be refused.
    pub fn perform(&mut self, action: Action) -> Result<(), Refusal> {
        match action {
            Action::Undo => {
                self.undo();
            }
            Action::Redo => {
                self.redo();
            }
            Action::Delete => {
                if !self.selection.is_empty() {
                    self.delete_selection()?;
                }
            }
            Action::Duplicate => {
                self.duplicate_selection()?;
            }
            Action::SelectAll => self.select_all(),
            Action::Cancel => {
                if self.drag == super::Drag::Idle {
                    self.selection.clear();
                } else {
                    self.escape();
                }
            }
        }
        Ok(())
    }
}
