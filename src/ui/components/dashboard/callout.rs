//! The bottleneck callout: what limits the design now, the evidence, every saturated
//! component, and the fix that works. The words come from `i18n::describe_diagnosis`.

use yew::prelude::*;

use crate::ui::class::class_list;

use super::insights::Reading;
use crate::i18n::{describe_diagnosis, t, Key, Lang};

/// A plain function of the insights panel, not a component: it holds no state of its own.
pub fn callout(lang: Lang, r: &Reading, on_select: &Callback<usize>) -> Html {
    let d = &r.diagnosis;
    let body = if r.seconds == 0 {
        html! { <p class="quiet">{ t(lang, Key::NoData) }</p> }
    } else if !d.is_limited() {
        html! { <p data-testid="bottleneck-none">{ t(lang, Key::BottleneckNone) }</p> }
    } else {
        let text = describe_diagnosis(lang, d);
        let line = |class: &'static str, id: &'static str, s: Option<String>| match s {
            Some(s) => html! { <p class={class} data-testid={id}>{ s }</p> },
            None => html! {},
        };
        // A component to blame is a button that selects it; a zone, the network or retries
        // are not on the canvas as one card.
        let headline = match d.component {
            Some(i) => {
                let cb = on_select.clone();
                html! { <button class="callout-name" data-testid="bottleneck-name" data-kind={d.kind.key()}
                onclick={Callback::from(move |_| cb.emit(i))}>{ text.headline }</button> }
            }
            None => {
                html! { <p class="callout-name" data-testid="bottleneck-name" data-kind={d.kind.key()}>{ text.headline }</p> }
            }
        };
        html! { <>
            { headline }
            { line("evidence", "bottleneck-evidence", text.evidence) }
            { line("evidence", "bottleneck-resources", text.resources) }
            { line("evidence", "bottleneck-collapse", text.collapse) }
            { line("evidence", "bottleneck-also", text.also) }
            { line("suggestion", "bottleneck-suggestion", text.suggestion) }
        </> }
    };
    let limited = d.is_limited() && r.seconds > 0;
    html! {
        <section class={class_list("callout", &[limited.then_some("limited")])} data-testid="bottleneck" aria-live="polite">
            <h2>{ t(lang, Key::Bottleneck) }</h2>
            { body }
        </section>
    }
}
