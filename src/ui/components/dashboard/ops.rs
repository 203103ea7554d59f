//! The operations strip under the headline numbers: every alarm with its state (word, icon and
//! colour), its last datapoint against its threshold, and every deployment's progress. It
//! re-renders with the panels' tick; a scenario without alarms or deployments shows nothing.

use yew::prelude::*;

use crate::engine::{AlarmState, AlarmView, DeployKind, DeploymentView};
use crate::i18n::{alarm_key, format_ms, format_number, t, tf, Key, Lang};
use crate::model::{Alarm, AlarmMetric, Scenario};
use crate::ui::state::runtime::Runtime;

/// An alarm state's icon, colour and test name: the word comes from `alarm_key`.
pub fn alarm_look(s: AlarmState) -> (&'static str, &'static str, &'static str) {
    match s {
        AlarmState::Ok => ("✓", "#007A5A", "ok"),
        AlarmState::Alarm => ("▲", "#C2410C", "alarm"),
        AlarmState::InsufficientData => ("?", "#555555", "insufficient-data"),
    }
}

/// A datapoint of `metric` with its unit: "230 ms", "4.2 %", "61 %", "12", "3".
pub fn metric_value(metric: &AlarmMetric, v: f64) -> String {
    match metric {
        AlarmMetric::P95Ms => format!("{} ms", format_ms(v)),
        AlarmMetric::ErrorRatePct | AlarmMetric::CpuPct { .. } => format!("{v:.1} %"),
        AlarmMetric::Queue { .. } => format!("{v:.1}"),
        AlarmMetric::Healthy { .. } => format_number(v.max(0.0).round() as u64),
    }
}

fn metric_name(lang: Lang, metric: &AlarmMetric) -> String {
    match metric {
        AlarmMetric::P95Ms => t(lang, Key::LatencyP95).to_string(),
        AlarmMetric::ErrorRatePct => t(lang, Key::MetricErrorRate).to_string(),
        AlarmMetric::CpuPct { component } => tf(lang, Key::MetricCpu, &[component]),
        AlarmMetric::Queue { component } => tf(lang, Key::MetricQueue, &[component]),
        AlarmMetric::Healthy { component } => tf(lang, Key::MetricHealthy, &[component]),
    }
}

/// "p95 = 230 ms · alarm when > 200 ms for 2 periods".
pub fn alarm_reading(lang: Lang, spec: &Alarm, value: Option<f64>) -> String {
    let value =
        value.map_or_else(|| t(lang, Key::AlarmNoData).to_string(), |v| metric_value(&spec.metric, v));
    let op = if spec.above { ">" } else { "<" };
    tf(
        lang,
        Key::AlarmReading,
        &[
            &metric_name(lang, &spec.metric),
            &value,
            op,
            &metric_value(&spec.metric, spec.threshold),
            &spec.evaluation_periods.to_string(),
        ],
    )
}

/// Where a deployment is: its key and test name.
pub fn deploy_state(d: &DeploymentView) -> (Key, &'static str) {
    match (d.active, d.finished, d.rolled_back) {
        (true, _, true) => (Key::DeployRollingBack, "rolling-back"),
        (true, _, false) => (Key::DeployInProgress, "active"),
        (false, true, true) => (Key::DeployRolledBack, "rolled-back"),
        (false, true, false) => (Key::DeployFinished, "finished"),
        (false, false, _) => (Key::DeployScheduled, "scheduled"),
    }
}

/// "rolling deploy to app-1: 2/4 hosts · rolled back".
pub fn deploy_line(lang: Lang, d: &DeploymentView, tier: &str) -> String {
    let kind = match d.kind {
        DeployKind::AllAtOnce => Key::DeployAllAtOnce,
        DeployKind::Rolling => Key::DeployRolling,
        DeployKind::BlueGreen => Key::DeployBlueGreen,
    };
    let head =
        tf(lang, Key::DeployProgress, &[t(lang, kind), tier, &d.done.to_string(), &d.total.to_string()]);
    format!("{head} · {}", t(lang, deploy_state(d).0))
}

/// A plain function of the dashboard, not a component: it holds no state of its own.
pub fn ops_strip(lang: Lang, rt: &Runtime) -> Html {
    let s = rt.scenario();
    if s.alarms.is_empty() && s.deployments.is_empty() {
        return Html::default();
    }
    html! {
        <div class="ops" data-testid="ops-strip">
            { alarms(lang, s, &rt.sim().alarms()) }
            { deployments(lang, s, rt) }
        </div>
    }
}

fn alarms(lang: Lang, s: &Scenario, views: &[AlarmView]) -> Html {
    if views.is_empty() {
        return Html::default();
    }
    let items = views.iter().zip(&s.alarms).map(|(v, spec)| {
        let (icon, colour, name) = alarm_look(v.state);
        let reading = alarm_reading(lang, spec, v.value);
        // The streak goes on past the evaluation periods; "2/2" already says it fires.
        let streak = v.breaching.min(v.evaluation_periods).to_string();
        let streak = tf(lang, Key::AlarmBreaching, &[&streak, &v.evaluation_periods.to_string()]);
        html! {
            <li class="alarm" data-testid={format!("alarm-{}", v.id)} data-state={name}>
                <span class="alarm-state" style={format!("background:{colour}")}>
                    <span aria-hidden="true">{ icon }</span>{ " " }{ t(lang, alarm_key(v.state)) }
                </span>
                <b>{ v.id.clone() }</b>
                <span class="alarm-reading">{ reading }</span>
                <span class="alarm-streak">{ streak }</span>
            </li>
        }
    });
    html! {
        <ul class="ops-list" aria-label={t(lang, Key::AlarmsTitle)}>
            <li class="ops-title">{ t(lang, Key::AlarmsTitle) }</li>
            { for items }
        </ul>
    }
}

fn deployments(lang: Lang, s: &Scenario, rt: &Runtime) -> Html {
    let views = rt.sim().deployments();
    if views.is_empty() {
        return Html::default();
    }
    let items = views.iter().enumerate().map(|(k, d)| {
        let tier = s.components.get(d.tier).map_or("", |c| c.id.as_str());
        let (_, name) = deploy_state(d);
        let frac = if d.total > 0 { f64::from(d.done) / f64::from(d.total) } else { 0.0 };
        html! {
            <li class="deploy" data-testid={format!("deploy-{k}")} data-state={name}
                data-done={d.done.to_string()} data-total={d.total.to_string()}>
                <span class="deploy-bar" aria-hidden="true">
                    <span style={format!("width:{:.0}%", frac * 100.0)}></span>
                </span>
                { deploy_line(lang, d, tier) }
            </li>
        }
    });
    html! {
        <ul class="ops-list" aria-label={t(lang, Key::DeploymentsTitle)}>
            <li class="ops-title">{ t(lang, Key::DeploymentsTitle) }</li>
            { for items }
        </ul>
    }
}
