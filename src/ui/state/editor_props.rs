//! The editor as the panels get it: a property (the app has no Yew context), and the one click
//! closure every editor button uses.

use yew::prelude::*;

use super::shared::Shared;
use crate::i18n::Lang;
use crate::ui::state::{Action, EditorHandle};

/// The editor, handed down as a property (no Yew context: each costs its provider component and
/// hook in the wasm; the root re-renders on every edit anyway, so the panels below see each one).
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub editor: EditorHandle,
    #[prop_or_default]
    pub lang: Lang,
    /// Presentation mode is on (the canvas fits itself to its new size).
    #[prop_or_default]
    pub presenting: bool,
    /// The running lab, for the panels that show it.
    #[prop_or_default]
    pub shared: Option<Shared>,
}

/// A button's click that dispatches `action`: one closure type for every such button, where a
/// closure per button would each bring their own code.
pub fn on_click(state: &EditorHandle, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
}
