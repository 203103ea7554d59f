//! The Operate tab: the book's other two jobs of a production service — deploy new code safely
//! (deployments) and notice problems at once (alarms) — each with a paragraph saying what it
//! is, its list, and a form. The forms keep what the user typed (wrong values included) with
//! an error at each wrong field; only a whole valid alarm or deployment reaches the scenario.

pub mod alarms;
pub mod deploys;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::class::class_list;

use crate::editor::FieldError;
use crate::i18n::{capitalize, describe_reason, t, Key, Lang};
use crate::ui::components::operate::alarms::{alarms_editor, AlarmsState};
use crate::ui::components::operate::deploys::{deploys_editor, DeploysState};
use crate::ui::state::lab::Lab;
use crate::ui::state::EditorHandle;

/// A plain function of the side panel, not a component: the editors' states are hooks there.
pub fn operate_panel(
    lang: Lang,
    editor: &EditorHandle,
    lab: &Lab,
    deploys: &DeploysState,
    alarms: &AlarmsState,
) -> Html {
    html! {
        <section class="operate" data-testid="operate-panel">
            <p class="op-intro">{ t(lang, Key::OpIntro) }</p>
            { deploys_editor(lang, editor, lab, deploys) }
            { alarms_editor(lang, editor, alarms) }
        </section>
    }
}

/// A form's errors as (field, sentence in `lang`), worded on every render so they follow a
/// change of language.
pub fn worded(lang: Lang, errors: &[FieldError]) -> Vec<(String, String)> {
    errors.iter().map(|e| (e.key.clone(), describe_reason(lang, &e.reason))).collect()
}

/// The error of field `key`, shown under it.
pub fn error_of(errors: &[(String, String)], key: &str) -> Html {
    match errors.iter().find(|(k, _)| k == key) {
        Some((_, text)) => html! {
            <div class="field-error" role="alert" data-testid={format!("op-error-{key}")}>{ text.clone() }</div>
        },
        None => html! {},
    }
}

/// Reads and writes one string field of a form.
pub type Bind<T> = (fn(&T) -> &String, fn(&mut T, String));

/// A labelled text input bound to one string of a form held in `state`.
pub fn text_field<T: Clone + 'static>(
    label: &str,
    testid: &'static str,
    unit: &str,
    state: &UseStateHandle<T>,
    (get, set): Bind<T>,
    errors: &[(String, String)],
    key: &str,
) -> Html {
    let value = get(state).clone();
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*state).clone();
            set(&mut next, e.target_unchecked_into::<HtmlInputElement>().value());
            state.set(next);
        })
    };
    let invalid = errors.iter().any(|(k, _)| k == key);
    let input = html! {
        <input type="text" id={testid} data-testid={testid} {value} {oninput}
            aria-invalid={invalid.to_string()} spellcheck="false" />
    };
    field(
        label,
        testid,
        invalid,
        html! { <>{ input }<span class="unit">{ unit.to_string() }</span></> },
        errors,
        key,
    )
}

/// A labelled drop-down of (value, label) bound to one string of a form held in `state`.
pub fn select_field<T: Clone + 'static>(
    label: &str,
    testid: &'static str,
    options: Vec<(String, String)>,
    state: &UseStateHandle<T>,
    (get, set): Bind<T>,
    errors: &[(String, String)],
    key: &str,
) -> Html {
    let chosen = get(state).clone();
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let mut next = (*state).clone();
            set(&mut next, e.target_unchecked_into::<HtmlSelectElement>().value());
            state.set(next);
        })
    };
    let invalid = errors.iter().any(|(k, _)| k == key);
    let select = html! {
        <select id={testid} data-testid={testid} {onchange}>
            { for options.into_iter().map(|(v, l)| {
                let selected = v == chosen;
                html! { <option value={v} {selected}>{ l }</option> }
            }) }
        </select>
    };
    field(label, testid, invalid, select, errors, key)
}

/// The frame of a form field, the same for every form (not generic, so it exists once).
fn field(
    label: &str,
    testid: &'static str,
    invalid: bool,
    control: Html,
    errors: &[(String, String)],
    key: &str,
) -> Html {
    html! {
        <div class={class_list("field", &[invalid.then_some("invalid")])}>
            <label for={testid}>{ label.to_string() }</label>
            <div class="control">{ control }</div>
            { error_of(errors, key) }
        </div>
    }
}

/// The outcome of the last button press, read out by screen readers.
pub fn message(m: &Option<Result<String, String>>, testid: &'static str) -> Html {
    html! {
        <p class="chaos-msg" role="status" aria-live="polite" data-testid={testid}>
            { match m {
                Some(Ok(m)) => html! { <span class="ok">{ m.clone() }</span> },
                Some(Err(m)) => html! { <span class="bad">{ capitalize(m) }</span> },
                None => html! {},
            } }
        </p>
    }
}
