//! The numbers of the point shown (pointed at or tapped): what was offered, served and good,
//! the latency percentiles, the errors, and the limit the diagnosis found there, worded as the
//! live bottleneck callout words it.

use yew::prelude::*;

use super::state::{Curve, Which};
use crate::i18n::{describe_diagnosis, format_ms, format_percent, format_rate, t, tf, Key, Lang};
use crate::ui::platform::notice::scenario_name;

pub fn readout(
    lang: Lang,
    current: Option<&Curve>,
    pinned: Option<&Curve>,
    shown: Option<(Which, usize)>,
    on_pick: &Callback<f64>,
) -> Html {
    let point = shown.and_then(|(w, i)| {
        let c = if w == Which::Pinned { pinned } else { current };
        c.and_then(|c| c.points.get(i).map(|p| (w, c, p)))
    });
    let Some((w, c, p)) = point else {
        return html! { <p class="quiet curve-hint">{ t(lang, Key::CurveHint) }</p> };
    };
    let l = &p.latency_ms;
    let numbers = tf(
        lang,
        Key::CurveReadout,
        &[
            &format_rate(p.offered_rps),
            &format_rate(p.throughput_rps),
            &format_rate(p.goodput_rps),
            &format_ms(l.p50),
            &format_ms(l.p95),
            &format_ms(l.p99),
            &format_percent(p.error_rate),
        ],
    );
    let d = &p.bottleneck;
    let (limit, why) = if d.is_limited() {
        let text = describe_diagnosis(lang, d);
        (text.headline, text.evidence)
    } else {
        (t(lang, Key::BottleneckNone).to_string(), None)
    };
    let label = match w {
        Which::Current => t(lang, Key::CurveCurrent).to_string(),
        Which::Pinned => tf(lang, Key::CurvePinnedLabel, &[&scenario_name(lang, &c.title)]),
    };
    let (pick, offered) = (on_pick.clone(), p.offered_rps);
    html! { <div class="curve-readout" data-testid="curve-readout" aria-live="polite">
        <p><strong>{ label }</strong>{ " · " }{ numbers }</p>
        <p data-testid="curve-limit" data-kind={d.kind.key()}>{ tf(lang, Key::CurveLimit, &[&limit]) }</p>
        if let Some(why) = why { <p class="evidence">{ why }</p> }
        <button data-testid="curve-run-at" onclick={Callback::from(move |_| pick.emit(offered))}>{ t(lang, Key::CurveRunAt) }</button>
    </div> }
}
