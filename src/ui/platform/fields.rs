//! Form fields as the browser has them: the index chosen in a `<select>`, the text typed into an
//! input. One closure type per kind of field, shared by the panels' forms (the timeline, the
//! chaos panel's pairs, the event log's filter).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A `<select>` of `options` (value = index) that stores the chosen index.
pub fn index_select(
    id: &'static str,
    options: Vec<String>,
    chosen: usize,
    set: UseStateHandle<usize>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Ok(i) = e.target_unchecked_into::<HtmlSelectElement>().value().parse() {
            set.set(i);
        }
    });
    html! {
        <select {id} data-testid={id} {onchange}>
            { for options.into_iter().enumerate().map(|(i, o)| html! {
                <option value={i.to_string()} selected={i == chosen}>{ o }</option>
            }) }
        </select>
    }
}

/// Keeps what is typed into a text field in `state`: one closure type for every such field.
pub fn set_on_input(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
}
