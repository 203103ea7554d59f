//! The bottleneck callout: the component that limits the design now, the evidence, and the
//! next step on the book's path.

use yew::prelude::*;

use crate::ui::class::class_list;

use super::insights::Reading;
use crate::analysis::{Suggestion, Verdict};
use crate::engine::Health;
use crate::i18n::{format_percent, t, tf, Key, Lang};

pub fn suggestion_text(lang: Lang, s: Suggestion) -> Option<String> {
    Some(match s {
        Suggestion::DbOwnServer => t(lang, Key::SuggestDbOwnServer).to_string(),
        Suggestion::ScaleOut => t(lang, Key::SuggestScaleOut).to_string(),
        Suggestion::AddServers => t(lang, Key::SuggestAddServers).to_string(),
        Suggestion::MoreProcesses { vcpus } => tf(lang, Key::SuggestMoreProcesses, &[&vcpus.to_string()]),
        Suggestion::DbBusy { percent } => tf(lang, Key::SuggestDbBusy, &[&percent.to_string()]),
        Suggestion::LeastConnections => t(lang, Key::SuggestLeastConnections).to_string(),
        Suggestion::LbSpof => t(lang, Key::SuggestLbSpof).to_string(),
        Suggestion::None => return None,
    })
}

/// A plain function of the insights panel, not a component: it holds no state of its own.
pub fn callout(lang: Lang, r: &Reading, on_select: &Callback<usize>) -> Html {
    let body = if r.seconds == 0 {
        html! { <p class="quiet">{ t(lang, Key::NoData) }</p> }
    } else {
        match &r.verdict {
            Verdict::Clear => html! { <p data-testid="bottleneck-none">{ t(lang, Key::BottleneckNone) }</p> },
            Verdict::Limit(f) => {
                let e = &f.evidence;
                let growth = if e.queue_growth_per_s.abs() < 0.05 {
                    "0".to_string()
                } else {
                    format!("{:.1}", e.queue_growth_per_s)
                };
                // A dead component's evidence is that it is down, not its (zero) load.
                let evidence = if e.health == Health::Down {
                    format!("{}: {}", f.id, t(lang, Key::HealthDown))
                } else {
                    tf(
                        lang,
                        Key::BottleneckEvidence,
                        &[
                            &format!("{:.0}", e.utilization * 100.0),
                            &growth,
                            &format_percent(e.latency_share),
                        ],
                    )
                };
                let i = f.component;
                let cb = on_select.clone();
                html! { <>
                    <button class="callout-name" data-testid="bottleneck-name" onclick={Callback::from(move |_| cb.emit(i))}>
                        { tf(lang, Key::BottleneckIs, &[&f.id]) }</button>
                    <p class="evidence" data-testid="bottleneck-evidence">{ evidence }</p>
                    if let Some(s) = suggestion_text(lang, f.suggestion) {
                        <p class="suggestion" data-testid="bottleneck-suggestion">{ s }</p>
                    }
                </> }
            }
        }
    };
    let limited = matches!(r.verdict, Verdict::Limit(_)) && r.seconds > 0;
    html! {
        <section class={class_list("callout", &[limited.then_some("limited")])} data-testid="bottleneck" aria-live="polite">
            <h2>{ t(lang, Key::Bottleneck) }</h2>
            { body }
        </section>
    }
}
