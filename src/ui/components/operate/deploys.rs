//! The Operate tab's deployments: the scenario's list (edit, delete) and "Deploy a new
//! version": tier, strategy (batch and pause for rolling), boot time, how bad the version is,
//! the alarm that rolls it back; then "Deploy now" or "Schedule at t = …".
//!
//! "Deploy now" goes to the running engine at its current time (`Runtime::deploy_now`, no
//! restart) and is recorded in the edited scenario at that time, so the lab keeps running and a
//! shared link replays it at the same moment with the same seed. Scheduling edits the scenario
//! like the fault timeline does: the run restarts and plays the script from time zero.

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::editor::{app_tiers, blue_green_ready, DeployForm, FieldError, OperateEdit, Reason, STRATEGIES};
use crate::i18n::{describe_diagnostic, format_time, t, tf, Key, Lang};
use crate::model::{Deployment, Diagnostic, Scenario, Strategy};
use crate::ui::components::operate::{self, message, select_field, text_field};
use crate::ui::state::lab::Lab;
use crate::ui::state::{Action, EditorHandle};

fn strategy_key(s: &str) -> Key {
    match s {
        "all_at_once" => Key::DeployAllAtOnce,
        "blue_green" => Key::DeployBlueGreen,
        _ => Key::DeployRolling,
    }
}

/// What the last Schedule or Deploy now did, kept as data and worded when shown, so the
/// message follows a language switch.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Rolled out in the running lab at this simulated time (and recorded there).
    Deployed { at_s: f64 },
    /// The scenario refused the edit.
    Refused(Reason),
    /// Blue/green needs room for a second fleet that this run did not reserve.
    BlueGreenNotReady,
    /// The running lab refused the deployment.
    Invalid(Diagnostic),
}

impl Outcome {
    fn words(&self, lang: Lang) -> Result<String, String> {
        match self {
            Outcome::Deployed { at_s } => Ok(tf(lang, Key::OpDeployedNow, &[&format_time(*at_s)])),
            Outcome::Refused(r) => Err(crate::i18n::describe_reason(lang, r)),
            Outcome::BlueGreenNotReady => Err(t(lang, Key::OpBlueGreenNow).to_string()),
            Outcome::Invalid(d) => Err(describe_diagnostic(lang, d)),
        }
    }
}

/// "rolling (batch 1, pause 0 s) → app-1 · bad version: 30 % errors, +5 ms · rolls back on x".
pub fn describe_deployment(lang: Lang, d: &Deployment, s: &Scenario) -> String {
    let f = DeployForm::from_deployment(d, s);
    let mut out = t(lang, strategy_key(&f.strategy)).to_string();
    if let Strategy::Rolling { .. } = d.strategy {
        out = format!("{out} ({})", tf(lang, Key::OpRowRolling, &[&f.batch, &f.pause_s]));
    }
    out = format!("{out} → {}", d.tier);
    if d.version.error_rate > 0.0 || d.version.extra_ms > 0.0 {
        out = format!("{out} · {}", tf(lang, Key::OpRowBad, &[&f.error_pct, &f.extra_ms]));
    }
    if let Some(a) = &d.rollback_on {
        out = format!("{out} · {}", tf(lang, Key::OpRowRollback, &[a]));
    }
    out
}

/// The deployment form as typed, the deployment being edited, the form's errors and the last
/// outcome. A hook of the side panel, which shows the editor as a plain function (no component
/// of its own): the form keeps its values while another tab shows.
#[derive(Clone)]
pub struct DeploysState {
    form: UseStateHandle<DeployForm>,
    editing: UseStateHandle<Option<usize>>,
    errors: UseStateHandle<Vec<FieldError>>,
    outcome: UseStateHandle<Option<Outcome>>,
}

#[hook]
pub fn use_deploys_state(s: &Scenario) -> DeploysState {
    let form = {
        let s = s.clone();
        use_state(move || DeployForm::new_for(&s))
    };
    // A form naming a tier that another edit removed (or a new scenario lacks) follows the
    // first tier instead of showing one choice while holding another.
    {
        let (form, tiers) = (form.clone(), app_tiers(s));
        use_effect_with(tiers, move |tiers| {
            if !tiers.contains(&form.tier) {
                if let Some(first) = tiers.first() {
                    form.set(DeployForm { tier: first.clone(), ..(*form).clone() });
                }
            }
        });
    }
    DeploysState {
        form,
        editing: use_state(|| None::<usize>),
        errors: use_state(Vec::<FieldError>::new),
        outcome: use_state(|| None::<Outcome>),
    }
}

pub fn deploys_editor(lang: Lang, editor: &EditorHandle, lab: &Lab, state: &DeploysState) -> Html {
    let editor = editor.clone();
    let s = editor.scenario().clone();
    let DeploysState { form, editing, errors, outcome } = state.clone();
    let now_s = lab.runtime.borrow().clock_for(&s);

    let schedule = {
        let (editor, form, editing, errors, outcome) =
            (editor.clone(), form.clone(), editing.clone(), errors.clone(), outcome.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let s = editor.scenario().clone();
            match form.parse(&s, None) {
                Err(errs) => errors.set(errs),
                Ok(deployment) => {
                    errors.set(Vec::new());
                    let op = OperateEdit::SaveDeployment { index: *editing, deployment };
                    match op.check(&s) {
                        Ok(_) => {
                            editor.dispatch(Action::Operate(op));
                            editing.set(None);
                            outcome.set(None);
                        }
                        Err(r) => outcome.set(Some(Outcome::Refused(r.reason))),
                    }
                }
            }
        })
    };
    let deploy_now = {
        let (editor, form, errors, outcome) = (editor.clone(), form.clone(), errors.clone(), outcome.clone());
        let runtime = lab.runtime.clone();
        Callback::from(move |_: MouseEvent| {
            let s = editor.scenario().clone();
            let d = match form.parse(&s, Some(0.0)) {
                Err(errs) => return errors.set(errs),
                Ok(d) => d,
            };
            errors.set(Vec::new());
            let blue_green = matches!(d.strategy, Strategy::BlueGreen);
            if blue_green && !blue_green_ready(runtime.borrow().scenario(), &d.tier) {
                return outcome.set(Some(Outcome::BlueGreenNotReady));
            }
            let done = runtime.borrow_mut().deploy_now(d);
            match done {
                Ok(recorded) => {
                    let at_s = recorded.at_s;
                    editor.dispatch(Action::Operate(OperateEdit::SaveDeployment {
                        index: None,
                        deployment: recorded,
                    }));
                    outcome.set(Some(Outcome::Deployed { at_s }));
                }
                Err(d) => outcome.set(Some(Outcome::Invalid(d))),
            }
        })
    };
    let cancel = {
        let (form, editing, errors, s) = (form.clone(), editing.clone(), errors.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            form.set(DeployForm::new_for(&s));
            editing.set(None);
            errors.set(Vec::new());
        })
    };

    let rows = s.deployments.iter().enumerate().map(|(i, d)| {
        let edit = {
            let (form, editing, errors, d, s) = (form.clone(), editing.clone(), errors.clone(), d.clone(), s.clone());
            Callback::from(move |_: MouseEvent| {
                form.set(DeployForm::from_deployment(&d, &s));
                editing.set(Some(i));
                errors.set(Vec::new());
            })
        };
        let delete = {
            let (editor, editing, outcome) = (editor.clone(), editing.clone(), outcome.clone());
            Callback::from(move |_: MouseEvent| {
                editor.dispatch(Action::Operate(OperateEdit::DeleteDeployment(i)));
                editing.set(None);
                outcome.set(None);
            })
        };
        let done = d.at_s <= now_s;
        html! {
            <li class={class_list("op-row", &[Some(if done { "done" } else { "todo" })])} data-testid={format!("deploy-row-{i}")}>
                <span class="op-name">{ format_time(d.at_s) }</span>
                <span class="op-what">{ describe_deployment(lang, d, &s) }</span>
                <span class="op-buttons">
                    <span class="tl-status">{ t(lang, if done { Key::ChaosDone } else { Key::ChaosToCome }) }</span>
                    <button type="button" class="chaos-btn" data-testid={format!("deploy-edit-{i}")} onclick={edit}>{ t(lang, Key::OpEdit) }</button>
                    <button type="button" class="chaos-btn kill" data-testid={format!("deploy-delete-{i}")} onclick={delete}>{ t(lang, Key::Delete) }</button>
                </span>
            </li>
        }
    });

    let errs = operate::worded(lang, &errors);
    let tiers: Vec<(String, String)> = app_tiers(&s).into_iter().map(|id| (id.clone(), id)).collect();
    let strategies =
        STRATEGIES.iter().map(|k| (k.to_string(), t(lang, strategy_key(k)).to_string())).collect();
    let alarms = std::iter::once((String::new(), t(lang, Key::OpNone).to_string()))
        .chain(s.alarms.iter().map(|a| (a.id.clone(), a.id.clone())))
        .collect();
    let form_html = if tiers.is_empty() {
        html! { <p class="muted" data-testid="deploy-need-tier">{ t(lang, Key::OpNeedTier) }</p> }
    } else {
        html! {
            <form class="op-form" onsubmit={schedule} novalidate=true data-testid="deploy-form">
                <h3>{ match *editing {
                    Some(i) => tf(lang, Key::OpEditingDeploy, &[&(i + 1).to_string()]),
                    None => t(lang, Key::OpNewDeploy).to_string(),
                } }</h3>
                { select_field(t(lang, Key::OpTier), "deploy-tier", tiers, &form, (|f| &f.tier, |f, v| f.tier = v), &errs, "tier") }
                { select_field(t(lang, Key::OpStrategy), "deploy-strategy", strategies, &form, (|f| &f.strategy, |f, v| f.strategy = v), &errs, "strategy") }
                if form.strategy == "rolling" {
                    { text_field(t(lang, Key::OpBatch), "deploy-batch", "", &form, (|f| &f.batch, |f, v| f.batch = v), &errs, "batch") }
                    { text_field(t(lang, Key::OpPause), "deploy-pause", "s", &form, (|f| &f.pause_s, |f, v| f.pause_s = v), &errs, "pause_s") }
                }
                { text_field(t(lang, Key::OpBoot), "deploy-boot", "s", &form, (|f| &f.boot_s, |f, v| f.boot_s = v), &errs, "boot_s") }
                <p class="muted op-hint">{ t(lang, Key::OpBadHint) }</p>
                { text_field(t(lang, Key::OpErrorRate), "deploy-errors", "%", &form, (|f| &f.error_pct, |f, v| f.error_pct = v), &errs, "error_pct") }
                { text_field(t(lang, Key::OpExtraMs), "deploy-extra", "ms", &form, (|f| &f.extra_ms, |f, v| f.extra_ms = v), &errs, "extra_ms") }
                { select_field(t(lang, Key::OpRollbackOn), "deploy-rollback", alarms, &form, (|f| &f.rollback_on, |f, v| f.rollback_on = v), &errs, "rollback_on") }
                <div class="op-buttons">
                    if editing.is_none() {
                        <button type="button" class="chaos-btn add" data-testid="deploy-now" onclick={deploy_now}>{ t(lang, Key::OpDeployNow) }</button>
                    }
                </div>
                { text_field(t(lang, Key::OpSchedule), "deploy-at", "s", &form, (|f| &f.at_s, |f, v| f.at_s = v), &errs, "at_s") }
                <div class="op-buttons">
                    <button type="submit" class="chaos-btn" data-testid="deploy-schedule">
                        { t(lang, if editing.is_some() { Key::OpSave } else { Key::OpScheduleBtn }) }
                    </button>
                    if editing.is_some() {
                        <button type="button" class="chaos-btn" data-testid="deploy-cancel" onclick={cancel}>{ t(lang, Key::OpCancel) }</button>
                    }
                </div>
            </form>
        }
    };
    html! {
        <section class="op-section" aria-labelledby="op-deploys-title" data-testid="op-deploys">
            <h2 id="op-deploys-title">{ t(lang, Key::OpDeploysTitle) }</h2>
            <p class="op-explain">{ t(lang, Key::OpDeploysIntro) }</p>
            if s.deployments.is_empty() {
                <p class="muted" data-testid="deploys-empty">{ t(lang, Key::OpNoDeploys) }</p>
            } else {
                <ol class="op-list">{ for rows }</ol>
            }
            { form_html }
            { message(&outcome.as_ref().map(|o| o.words(lang)), "deploy-message") }
        </section>
    }
}
