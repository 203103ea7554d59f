//! The Operate tab's alarms: the list (edit, delete) and the form that adds or edits one:
//! id, metric (of a component, from a drop-down of ids), above/below a threshold, period,
//! evaluation periods, and the action (notify, scale a tier out/in by a step, roll back).

use yew::prelude::*;

use crate::editor::{app_tiers, AlarmForm, FieldError, OperateEdit, ACTIONS, METRICS};
use crate::i18n::{t, tf, Key, Lang};
use crate::model::{Alarm, AlarmAction, AlarmMetric, Scenario};
use crate::ui::components::operate::{self, message, select_field, text_field};
use crate::ui::state::{Action, EditorHandle};

fn metric_key(m: &str) -> Key {
    match m {
        "error_rate_pct" => Key::OpMetricErrors,
        "cpu_pct" => Key::OpMetricCpu,
        "queue" => Key::OpMetricQueue,
        "healthy" => Key::OpMetricHealthy,
        _ => Key::OpMetricP95,
    }
}

fn action_key(a: &str) -> Key {
    match a {
        "scale_out" => Key::OpActScaleOut,
        "scale_in" => Key::OpActScaleIn,
        "rollback" => Key::OpActRollback,
        _ => Key::OpActNotify,
    }
}

/// "p95 latency (ms) above 500 for 3 × 60 s → Notify only".
pub fn describe_alarm(lang: Lang, a: &Alarm, s: &Scenario) -> String {
    let f = AlarmForm::from_alarm(a, s);
    let mut metric = t(lang, metric_key(&f.metric)).to_string();
    if let AlarmMetric::CpuPct { component }
    | AlarmMetric::Queue { component }
    | AlarmMetric::Healthy { component } = &a.metric
    {
        metric = format!("{metric} {component}");
    }
    let mut action = t(lang, action_key(&f.action)).to_string();
    if let AlarmAction::ScaleOut { tier, step } | AlarmAction::ScaleIn { tier, step } = &a.action {
        action = format!("{action} {tier} ±{step}");
    }
    let side = t(lang, if a.above { Key::OpAbove } else { Key::OpBelow });
    tf(lang, Key::OpAlarmRow, &[&metric, side, &f.threshold, &f.evaluation_periods, &f.period_s, &action])
}

/// The alarm form as typed, the alarm being edited (its id before the edit; `None` adds a new
/// one), the form's errors and a refusal (kept as its reason so it is worded in the language of
/// each render). A hook of the side panel, which shows the editor as a plain function (no
/// component of its own): the form keeps its values while another tab shows.
#[derive(Clone)]
pub struct AlarmsState {
    form: UseStateHandle<AlarmForm>,
    editing: UseStateHandle<Option<String>>,
    errors: UseStateHandle<Vec<FieldError>>,
    outcome: UseStateHandle<Option<crate::editor::Reason>>,
}

#[hook]
pub fn use_alarms_state(editor: &EditorHandle) -> AlarmsState {
    let s = editor.scenario();
    let form = {
        let s = s.clone();
        use_state(move || AlarmForm::new_for(&s))
    };
    let editing = use_state(|| None::<String>);
    // Choices that another edit removed fall back to the first one left (see
    // `use_deploys_state`). A new alarm's id that an alarm now has (one loaded or brought back
    // since the form was made) becomes the next free one, as a fresh form would have.
    {
        let (form, editing, editor) = (form.clone(), editing.clone(), editor.clone());
        let ids: Vec<String> = s.components.iter().map(|c| c.id.clone()).collect();
        let alarms: Vec<String> = s.alarms.iter().map(|a| a.id.clone()).collect();
        use_effect_with((ids, app_tiers(s), alarms), move |(ids, tiers, alarms)| {
            let mut next = (*form).clone();
            if !ids.contains(&next.component) {
                next.component = ids.first().cloned().unwrap_or_default();
            }
            if !tiers.contains(&next.tier) {
                next.tier = tiers.first().cloned().unwrap_or_default();
            }
            if editing.is_none() && alarms.contains(&next.id) {
                next.id = AlarmForm::new_for(editor.scenario()).id;
            }
            if next != *form {
                form.set(next);
            }
        });
    }
    AlarmsState {
        form,
        editing,
        errors: use_state(Vec::<FieldError>::new),
        outcome: use_state(|| None::<crate::editor::Reason>),
    }
}

pub fn alarms_editor(lang: Lang, editor: &EditorHandle, state: &AlarmsState) -> Html {
    let editor = editor.clone();
    let s = editor.scenario().clone();
    let AlarmsState { form, editing, errors, outcome } = state.clone();

    let submit = {
        let (editor, form, editing, errors, outcome) =
            (editor.clone(), form.clone(), editing.clone(), errors.clone(), outcome.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let s = editor.scenario().clone();
            match form.parse(&s) {
                Err(errs) => errors.set(errs),
                Ok(alarm) => {
                    errors.set(Vec::new());
                    let op = OperateEdit::SaveAlarm { original: (*editing).clone(), alarm };
                    match op.check(&s) {
                        Ok(after) => {
                            editor.dispatch(Action::Operate(op));
                            form.set(AlarmForm::new_for(&after));
                            editing.set(None);
                            outcome.set(None);
                        }
                        Err(r) => outcome.set(Some(r.reason)),
                    }
                }
            }
        })
    };
    let cancel = {
        let (form, editing, errors, s) = (form.clone(), editing.clone(), errors.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            form.set(AlarmForm::new_for(&s));
            editing.set(None);
            errors.set(Vec::new());
        })
    };

    let rows = s.alarms.iter().map(|a| {
        let edit = {
            let (form, editing, errors, a, s) = (form.clone(), editing.clone(), errors.clone(), a.clone(), s.clone());
            Callback::from(move |_: MouseEvent| {
                form.set(AlarmForm::from_alarm(&a, &s));
                editing.set(Some(a.id.clone()));
                errors.set(Vec::new());
            })
        };
        let delete = {
            let (editor, outcome, id) = (editor.clone(), outcome.clone(), a.id.clone());
            Callback::from(move |_: MouseEvent| {
                let op = OperateEdit::DeleteAlarm(id.clone());
                match op.check(editor.scenario()) {
                    Ok(_) => {
                        editor.dispatch(Action::Operate(op));
                        outcome.set(None);
                    }
                    Err(r) => outcome.set(Some(r.reason)),
                }
            })
        };
        html! {
            <li class="op-row" data-testid={format!("alarm-row-{}", a.id)}>
                <span class="op-name">{ a.id.clone() }</span>
                <span class="op-what">{ describe_alarm(lang, a, &s) }</span>
                <span class="op-buttons">
                    <button type="button" class="chaos-btn" data-testid={format!("alarm-edit-{}", a.id)} onclick={edit}>{ t(lang, Key::OpEdit) }</button>
                    <button type="button" class="chaos-btn kill" data-testid={format!("alarm-delete-{}", a.id)} onclick={delete}>{ t(lang, Key::Delete) }</button>
                </span>
            </li>
        }
    });

    let errs = operate::worded(lang, &errors);
    let opt = |v: &str, k: Key| (v.to_string(), t(lang, k).to_string());
    let ids: Vec<(String, String)> = s.components.iter().map(|c| (c.id.clone(), c.id.clone())).collect();
    let tiers: Vec<(String, String)> = app_tiers(&s).into_iter().map(|id| (id.clone(), id)).collect();
    html! {
        <section class="op-section" aria-labelledby="op-alarms-title" data-testid="op-alarms">
            <h2 id="op-alarms-title">{ t(lang, Key::OpAlarmsTitle) }</h2>
            <p class="op-explain">{ t(lang, Key::OpAlarmsIntro) }</p>
            if s.alarms.is_empty() {
                <p class="muted" data-testid="alarms-empty">{ t(lang, Key::OpNoAlarms) }</p>
            } else {
                <ul class="op-list">{ for rows }</ul>
            }
            <form class="op-form" onsubmit={submit} novalidate=true data-testid="alarm-form">
                if let Some(id) = &*editing {
                    <p class="op-editing">{ tf(lang, Key::OpEditingAlarm, &[id]) }</p>
                }
                { text_field(t(lang, Key::OpAlarmId), "alarm-id", "", &form, (|f| &f.id, |f, v| f.id = v), &errs, "id") }
                { select_field(t(lang, Key::OpMetric), "alarm-metric",
                    METRICS.iter().map(|m| opt(m, metric_key(m))).collect(), &form, (|f| &f.metric, |f, v| f.metric = v), &errs, "metric") }
                if form.reads_component() {
                    { select_field(t(lang, Key::OpComponent), "alarm-component", ids, &form, (|f| &f.component, |f, v| f.component = v), &errs, "component") }
                }
                <div class="op-inline">
                    <select data-testid="alarm-above" aria-label={format!("{} / {}", t(lang, Key::OpAbove), t(lang, Key::OpBelow))}
                        onchange={{
                            let form = form.clone();
                            Callback::from(move |e: Event| {
                                let mut next = (*form).clone();
                                next.above = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value() == "above";
                                form.set(next);
                            })
                        }}>
                        <option value="above" selected={form.above}>{ t(lang, Key::OpAbove) }</option>
                        <option value="below" selected={!form.above}>{ t(lang, Key::OpBelow) }</option>
                    </select>
                    { text_field(t(lang, Key::OpThreshold), "alarm-threshold", "", &form, (|f| &f.threshold, |f, v| f.threshold = v), &errs, "threshold") }
                </div>
                { text_field(t(lang, Key::OpPeriod), "alarm-period", "s", &form, (|f| &f.period_s, |f, v| f.period_s = v), &errs, "period_s") }
                { text_field(t(lang, Key::OpEvalPeriods), "alarm-evals", "", &form, (|f| &f.evaluation_periods, |f, v| f.evaluation_periods = v), &errs, "evaluation_periods") }
                { select_field(t(lang, Key::OpAction), "alarm-action",
                    ACTIONS.iter().map(|a| opt(a, action_key(a))).collect(), &form, (|f| &f.action, |f, v| f.action = v), &errs, "action") }
                if form.scales() {
                    { select_field(t(lang, Key::OpTier), "alarm-tier", tiers, &form, (|f| &f.tier, |f, v| f.tier = v), &errs, "tier") }
                    { text_field(t(lang, Key::OpStep), "alarm-step", "", &form, (|f| &f.step, |f, v| f.step = v), &errs, "step") }
                }
                <div class="op-buttons">
                    <button type="submit" class="chaos-btn add" data-testid="alarm-save">
                        { t(lang, if editing.is_some() { Key::OpSave } else { Key::OpAddAlarm }) }
                    </button>
                    if editing.is_some() {
                        <button type="button" class="chaos-btn" data-testid="alarm-cancel" onclick={cancel}>{ t(lang, Key::OpCancel) }</button>
                    }
                </div>
            </form>
            { message(&outcome.as_ref().map(|r| Err(crate::i18n::describe_reason(lang, r))), "alarm-message") }
        </section>
    }
}
