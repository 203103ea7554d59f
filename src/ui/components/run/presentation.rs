//! Presentation mode for a projector: the side panels give way to a large, high-contrast
//! "stage" that shows one lesson step at a time, and the keyboard drives the class: → / PageDown
//! and ← / PageUp step through the lesson, Space plays or pauses, F injects the lesson's
//! failure, T shows the scripted faults, B brings the chaos panel and E the inspector over the
//! stage, S (Shift+S) selects the next (previous) component and shows its properties (so a step
//! that says "kill zone a" or "set processes per server to 1" can be done here),
//! Q shows the share link's QR code full screen, Escape closes the panel or leaves. The stage
//! has buttons for the same things, so a mouse (or a screen reader) works too.
//!
//! The root classes `presenting` (set by `use_lessons_root`) and `stage-panel` (the side panel
//! shown over the stage) on `<html>` are what `stage.css` hangs the layout on. Wiring:
//! `presentation_toggle` in the top bar, `<PresentationStage/>` once, anywhere (it renders
//! nothing outside presentation mode).

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::catalog::{lesson, lesson_shape, LessonId};
use crate::i18n::{describe_fault, describe_problem, describe_scheduled, format_time, t, tf, Key, Lang};
use crate::ui::components::chaos::Injected;
use crate::ui::components::curve::CurveHandle;
use crate::ui::components::lessons::flow::{
    next_selection, presentation_command, slides_of, Command, LessonsAction,
};
use crate::ui::components::lessons::{set_root_class, slide_text, LessonCheck, LessonsContext, PanelTab};
use crate::ui::state::lab::{use_lab, use_tick, Lab};
use crate::ui::state::runtime::Runtime;
use crate::ui::state::{Action, EditorHandle};

/// The button that enters (and leaves) presentation mode: a plain function of the root, which
/// holds the lessons.
pub fn presentation_toggle(lang: Lang, ctx: &LessonsContext) -> Html {
    let ctx = ctx.clone();
    let on = ctx.state.presenting;
    let onclick = Callback::from(move |_| ctx.go(LessonsAction::Present(!on)));
    let label = t(lang, if on { Key::PresentationExit } else { Key::PresentationMode });
    html! {
        <button type="button" class="present-toggle" data-testid="present-toggle"
            aria-pressed={on.to_string()} aria-label={label} title={label} {onclick}>
            { t(lang, Key::PresentationMode) }
        </button>
    }
}

/// The stage's properties: the lessons and how to show the QR code (the share menu's, which the
/// root holds). The editor (for S: selecting components from the keyboard), the running lab and
/// the language come from the context.
#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub lessons: LessonsContext,
    pub show_qr: Callback<()>,
    /// The Curve tab's sweeps, which some lessons' checks read.
    pub curve: CurveHandle,
}

/// What a command needs besides the lessons: the lab, the side panel's state, the QR view.
#[derive(Clone)]
struct Stage {
    runtime: Rc<std::cell::RefCell<Runtime>>,
    panel: UseStateHandle<bool>,
    show_qr: Callback<()>,
    editor: EditorHandle,
}

/// Does what a presentation command says. Returns the injected failure for the stage's status
/// line, if any (worded when shown, in the language of the moment).
fn run_command(cmd: Command, ctx: &LessonsContext, stage: &Stage) -> Option<Injected> {
    let runtime = &stage.runtime;
    let panel = |tab: PanelTab| {
        ctx.show_tab(tab);
        stage.panel.set(true);
    };
    match cmd {
        Command::Next => ctx.go(LessonsAction::Next),
        Command::Prev => ctx.go(LessonsAction::Prev),
        Command::ToggleTimeline => ctx.go(LessonsAction::ToggleTimeline),
        Command::Chaos => panel(PanelTab::Chaos),
        Command::Edit => panel(PanelTab::Inspect),
        Command::SelectNext(forward) => {
            let ed = &stage.editor;
            let ids: Vec<&str> = ed.scenario().components.iter().map(|c| c.id.as_str()).collect();
            if let Some(id) = next_selection(&ids, ed.selected(), forward) {
                ed.dispatch(Action::Select(vec![id.to_string()]));
                panel(PanelTab::Inspect);
            }
        }
        Command::Qr => stage.show_qr.emit(()),
        Command::Leave if *stage.panel => stage.panel.set(false),
        Command::Leave => ctx.go(LessonsAction::Present(false)),
        Command::PlayPause => {
            let mut rt = runtime.borrow_mut();
            let playing = rt.playing();
            rt.set_playing(!playing);
        }
        // (With the chaos panel merged, `chaos::inject_now` does the same and also records the
        // fault in the chaos journal, so the panel shows it as live.)
        Command::InjectFailure => {
            let failure = lesson(ctx.state.id()).failure?;
            let refused = runtime.borrow_mut().sim_mut().inject(&failure).err();
            return Some(Injected { action: failure, refused });
        }
    }
    None
}

/// The stage and its keyboard handler, while presentation mode is on.
#[component]
pub fn PresentationStage(props: &StageProps) -> Html {
    let lessons = Some(props.lessons.clone());
    let lab = use_lab();
    // The status line shows the run's time: it follows the beat.
    use_tick();
    let lang = lab.lang;
    let lab = Some(lab);
    let notice = use_state(|| None::<Injected>);
    let stage_ref = use_node_ref();
    let presenting = lessons.as_ref().is_some_and(|l| l.state.presenting);
    // The side panel over the stage (B, E), closed whenever presentation mode starts or ends.
    let panel = use_state(|| false);
    let stage_of = |lab: &Lab| Stage {
        runtime: lab.runtime.clone(),
        panel: panel.clone(),
        show_qr: props.show_qr.clone(),
        editor: lab.editor.clone(),
    };
    {
        let panel = panel.clone();
        use_effect_with(presenting, move |_| panel.set(false));
    }
    use_effect_with(presenting && *panel, |on| set_root_class("stage-panel", *on));
    // The key listener is registered once per presentation; it reads the newest lessons here.
    let latest = use_mut_ref(|| None::<(LessonsContext, Stage)>);
    *latest.borrow_mut() = lessons.clone().zip(lab.as_ref().map(stage_of));
    {
        let (latest, notice, stage_ref) = (latest.clone(), notice.clone(), stage_ref.clone());
        use_effect_with(presenting, move |on| {
            let listener = on.then(|| {
                if let Some(stage) = stage_ref.cast::<web_sys::HtmlElement>() {
                    let _ = stage.focus();
                }
                // Capture on the window: the stage's keys win over the editor's while presenting.
                let options = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
                EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    // A field's keys are the field's; while the share dialog or its QR view is
                    // open, Escape and the rest are the dialog's.
                    if typing(e) || dialog_open() || (e.key() == " " && on_button(e)) {
                        return;
                    }
                    let Some(cmd) =
                        presentation_command(&e.key(), e.ctrl_key() || e.alt_key() || e.meta_key())
                    else {
                        return;
                    };
                    e.prevent_default();
                    e.stop_propagation();
                    let Some((ctx, stage)) = latest.borrow().clone() else { return };
                    if let Some(line) = run_command(cmd, &ctx, &stage) {
                        notice.set(Some(line));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let (Some(ctx), Some(lab)) = (lessons, lab) else { return html! {} };
    if !presenting {
        return html! {};
    }
    let state = ctx.state.clone();
    let id = state.id();
    let list = slides_of(lesson_shape(id));
    let slide = list.get(state.slide).copied().unwrap_or(list[0]);
    // Slide navigation needs only the shape; the words may still be on their way.
    let words = ctx.texts.get(lang, id).map(|text| slide_text(lang, &text, slide));
    let (playing, now_s, faults) = {
        let rt = lab.runtime.borrow();
        (rt.playing(), crate::engine::to_secs(rt.sim().now()), rt.scenario().faults.clone())
    };
    // Short faces (the keys) with the full action as the accessible name and tooltip.
    let stage = stage_of(&lab);
    let button = |cmd: Command, face: &str, name: Key, testid: &'static str| {
        let (ctx, stage, notice) = (ctx.clone(), stage.clone(), notice.clone());
        let onclick = Callback::from(move |_| {
            if let Some(line) = run_command(cmd, &ctx, &stage) {
                notice.set(Some(line));
            }
        });
        html! {
            <button type="button" data-testid={testid} aria-label={t(lang, name)} title={t(lang, name)} {onclick}>
                { face.to_string() }
            </button>
        }
    };
    let status = if playing { Key::StatusRunning } else { Key::StatusPaused };
    html! {
        <aside class="stage" data-testid="stage" ref={stage_ref} tabindex="-1" lang={lang.code()}
            aria-label={t(lang, Key::PresentationMode)}>
            <div class="stage-scroll">
            <p class="stage-kicker" data-testid="stage-step">
                { format!("{} {} / {} · {}", t(lang, Key::Lesson), state.lesson + 1, LessonId::ALL.len(),
                    tf(lang, Key::LessonStep, &[&(state.slide + 1).to_string(), &list.len().to_string()])) }
            </p>
            <h2 class="stage-title">{ t(lang, id.title()) }</h2>
            <div class="stage-slide" data-testid="stage-slide" aria-live="polite">
                if let Some((heading, lines)) = words {
                    if !heading.is_empty() { <h3>{ heading }</h3> }
                    if lines.len() == 1 {
                        <p>{ lines[0] }</p>
                    } else {
                        <ul>{ for lines.iter().map(|l| html! { <li>{ *l }</li> }) }</ul>
                    }
                } else {
                    { ctx.texts.placeholder(lang) }
                }
            </div>
            <LessonCheck {id} lessons={ctx.clone()} curve={props.curve.clone()} />
            if state.timeline {
                <section class="stage-timeline" data-testid="stage-timeline" aria-label={t(lang, Key::Timeline)}>
                    <h3>{ t(lang, Key::Timeline) }</h3>
                    if faults.is_empty() {
                        <p>{ t(lang, Key::TimelineEmpty) }</p>
                    } else {
                        <ol>{ for faults.iter().map(|f| {
                            let past = f.at_s <= now_s;
                            html! { <li class={past.then_some("past")}>
                                <span aria-hidden="true">{ if past { "✓ " } else { "○ " } }</span>
                                { describe_scheduled(lang, f) }
                            </li> }
                        }) }</ol>
                    }
                </section>
            }
            </div>
            <div class="stage-foot">
            <p class="stage-status" data-testid="stage-status">
                { format!("{} · {} {}", t(lang, status), t(lang, Key::SimTime), format_time(now_s)) }
            </p>
            if let Some(done) = notice.as_ref() {
                <p class="stage-notice" role="status" data-testid="stage-notice">
                    { format!("⚡ {}", match &done.refused {
                        Some(p) => describe_problem(lang, p),
                        None => describe_fault(lang, &done.action),
                    }) }
                </p>
            }
            <div class="stage-controls" role="group" aria-label={t(lang, Key::KeyboardShortcuts)}>
                { button(Command::Prev, "←", Key::ScPrevStep, "stage-prev") }
                { button(Command::PlayPause, t(lang, if playing { Key::Pause } else { Key::Play }), Key::ScPlayPause, "stage-play") }
                { button(Command::Next, "→", Key::ScNextStep, "stage-next") }
                { button(Command::InjectFailure, "F", Key::ScInjectFailure, "stage-inject") }
                { button(Command::ToggleTimeline, "T", Key::ScTimeline, "stage-timeline-toggle") }
                { button(Command::Chaos, "B", Key::ScChaosPanel, "stage-chaos") }
                { button(Command::Edit, "E", Key::ScEditPanel, "stage-edit") }
                { button(Command::Qr, "Q", Key::ShowQr, "stage-qr") }
                if *panel {
                    { button(Command::Leave, "Esc", Key::ScClosePanel, "stage-panel-close") }
                } else {
                    { button(Command::Leave, "Esc", Key::PresentationExit, "stage-exit") }
                }
            </div>
            <p class="stage-hint" data-testid="stage-hint">{ t(lang, Key::PresentationHelp) }</p>
            </div>
        </aside>
    }
}

/// The share dialog (or its full-screen QR code) is open: it handles its own keys.
fn dialog_open() -> bool {
    gloo::utils::document().query_selector(".share-backdrop, .qr-view").ok().flatten().is_some()
}

/// Space on a focused button presses it (a chaos button in the panel shown over the stage).
fn on_button(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY")
}

/// Keys typed into a field are the field's, not the stage's.
fn typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.get_attribute("contenteditable").is_some_and(|v| v != "false")
}
