//! Guided lessons in the interface: the lessons' context (which lesson, which step, progress,
//! presentation mode), the lesson panel, the live check of a lesson's task, and the preset menu.
//!
//! Wiring, in the root component:
//! ```ignore
//! let load = { let keep = keep.clone(); Callback::from(move |s| keep.open(s, Origin::Recent)) };
//! // or: Callback::from(move |s| editor.dispatch(Action::Replace(s)))
//! let lessons = use_lessons_root(load);
//! // handed down as a property (the app has no Yew context: each costs its provider in the wasm):
//! html! { <>
//!     /* app: preset_menu(..) and presentation_toggle(lang, &lessons)
//!        in the top bar, lesson_panel(..) in the side column, <PresentationStage .. /> once */
//! </> }
//! ```
//!
//! The folder also holds the DOM-free lesson state (`flow.rs`) and the fetched lesson words.

pub mod flow;
pub mod texts;

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::catalog::{
    evaluate, lesson, lesson_shape, preset, Condition, LessonId, LessonText, RunSummary, PRESETS,
};
use crate::i18n::{t, tf, Key, Lang};
use crate::model::Scenario;
use crate::ui::components::curve::CurveHandle;
use crate::ui::components::lessons::flow::{
    lesson_of_search, slides_of, FaultClock, LessonsAction, LessonsState, Progress, Slide, PROGRESS_KEY,
};
use crate::ui::components::lessons::texts::{use_lesson_texts, LessonTexts};
use crate::ui::state::lab::{use_lab, use_tick};

/// A tab of the side panel that another part of the page brings into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelTab {
    /// The selection's properties.
    Inspect,
    /// Breaking things (the chaos panel).
    Chaos,
    Lessons,
}

/// The lessons' state and the ways to change it, for every lesson component.
#[derive(Clone, PartialEq)]
pub struct LessonsContext {
    pub state: Rc<LessonsState>,
    go: Callback<LessonsAction>,
    /// Opens a scenario in the editor (the root decides how: through `Keep`, or a replace).
    pub load: Callback<Scenario>,
    /// Counts the requests to bring a tab of the side panel into view (a preset was picked:
    /// Lessons; a key of presentation mode: Chaos) and names the last one: the side panel,
    /// which owns its tabs, switches when the count changes.
    pub shown: (u64, PanelTab),
    show: Callback<PanelTab>,
    /// The lessons' words (fetched in the wasm build when first shown).
    pub texts: LessonTexts,
    /// Nothing was saved and the address asked for nothing: the lab opens on lesson 1 with a
    /// "start here", so a newcomer reaches a running design and its lesson without guessing.
    pub first_visit: bool,
}

impl LessonsContext {
    pub fn go(&self, action: LessonsAction) {
        self.go.emit(action);
    }

    /// Asks the side panel to show the lesson tab.
    pub fn show_panel(&self) {
        self.show.emit(PanelTab::Lessons);
    }

    /// Asks the side panel to show `tab`.
    pub fn show_tab(&self, tab: PanelTab) {
        self.show.emit(tab);
    }

    /// Opens the design of lesson `id`.
    pub fn load_lesson(&self, id: LessonId) {
        if let Some(s) = preset(id.slug()) {
            self.load.emit(s);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn load_progress() -> Progress {
    let raw = storage().and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten());
    raw.map_or_else(Progress::default, |r| Progress::from_storage(&r))
}

/// A first visit: no autosave and no lesson progress in storage, and no design asked for by the
/// address (`?preset=`, `?bench`, a `#s=` link). Read once, before the first effects write.
fn first_visit() -> bool {
    let Some(store) = storage() else { return false };
    let kept = |key: &str| store.get_item(key).ok().flatten().is_some();
    let loc = web_sys::window().map(|w| w.location());
    let search = loc.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    let asked = search.contains("preset=") || search.contains("bench") || hash.contains("s=");
    !kept(PROGRESS_KEY) && !kept(crate::ui::platform::persist::AUTOSAVE_KEY) && !asked
}

pub(in crate::ui) fn set_root_class(name: &str, on: bool) {
    if let Some(root) = gloo::utils::document().document_element() {
        let classes = root.get_attribute("class").unwrap_or_default();
        let _ = root
            .set_attribute("class", &crate::ui::components::lessons::flow::with_class(&classes, name, on));
    }
}

/// The lessons' state, for the root to hand down (a hook, not a provider component
/// of its own). `load` opens a scenario in the editor.
#[hook]
pub fn use_lessons_root(load: Callback<Scenario>) -> LessonsContext {
    let state = use_state(|| {
        // A design opened with `?preset=ID` comes with its lesson, as when picked from the menu.
        let start = LessonsState::new(load_progress());
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        Rc::new(match lesson_of_search(&search) {
            Some(i) => start.apply(LessonsAction::Select(i)).0,
            None => start,
        })
    });
    // Several actions in one event must each see the previous one's result.
    let latest = use_mut_ref(|| (*state).clone());
    *latest.borrow_mut() = (*state).clone();
    let go = {
        let (state, latest, load) = (state.clone(), latest.clone(), load.clone());
        Callback::from(move |action: LessonsAction| {
            let current = latest.borrow().clone();
            let (next, crossed) = current.apply(action);
            if crossed {
                if let Some(s) = preset(next.id().slug()) {
                    load.emit(s);
                }
            }
            let next = Rc::new(next);
            *latest.borrow_mut() = next.clone();
            state.set(next);
        })
    };
    // One effect for both (each write is the same again when only the other changed).
    use_effect_with((state.progress.clone(), state.presenting), |(p, on)| {
        if let Some(s) = storage() {
            let _ = s.set_item(PROGRESS_KEY, &p.to_storage());
        }
        set_root_class("presenting", *on);
    });
    let shown = use_state(|| (0u64, PanelTab::Lessons));
    let show = {
        let shown = shown.clone();
        Callback::from(move |tab| shown.set((shown.0.wrapping_add(1), tab)))
    };
    let texts = use_lesson_texts();
    let first_visit = *use_memo((), |_| first_visit());
    LessonsContext { state: (*state).clone(), go, load, shown: *shown, show, texts, first_visit }
}

/// The text of one slide: its heading (none for the intro, which sits under the title) and its
/// lines.
pub fn slide_text(lang: Lang, text: &LessonText, slide: Slide) -> (String, Vec<&'static str>) {
    match slide {
        Slide::Intro => (String::new(), vec![text.intro]),
        Slide::Notice => (t(lang, Key::LessonNotice).to_string(), text.notice.to_vec()),
        Slide::Step(i) => (
            format!("{} ({}/{})", t(lang, Key::LessonTry), i + 1, text.steps.len()),
            text.steps.get(i).copied().into_iter().collect(),
        ),
        Slide::Task => (t(lang, Key::LessonTask).to_string(), vec![text.task]),
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonCheckProps {
    pub id: LessonId,
    pub lessons: LessonsContext,
    /// The Curve tab's sweeps: lessons 3 and 4 check the knee before and after a change.
    pub curve: CurveHandle,
}

/// The task's check, evaluated on the running simulation at every panel tick: pass, or what
/// is still missing. A pass is remembered in the progress.
#[component]
pub fn LessonCheck(props: &LessonCheckProps) -> Html {
    let lab = use_lab();
    // Checked on the running simulation: at every beat.
    use_tick();
    let lang = lab.lang;
    let lab = Some(&lab);
    let lessons = props.lessons.clone();
    let clock = use_mut_ref(FaultClock::default);
    let result = lab.as_ref().map(|sh| {
        let rt = sh.runtime.borrow();
        let sim = rt.sim();
        let now = sim.now();
        let now_s = crate::engine::to_secs(now);
        let first_fault = clock.borrow_mut().observe(now_s, sim.log());
        let offered = rt.scenario().traffic.rate_at(now_s);
        let mut summary = RunSummary::from_metrics(rt.scenario(), sim.metrics(), now, offered, first_fault);
        let check = lesson(props.id).check;
        if check.iter().any(Condition::reads_sweeps) {
            summary.sweeps = props.curve.state.sweeps(sh.editor.scenario());
        }
        evaluate(&check, &summary)
    });
    let passed = result.as_ref().is_some_and(|r| r.passed);
    {
        let lessons = lessons.clone();
        use_effect_with((props.id, passed), move |(id, passed)| {
            if *passed && !lessons.state.progress.passed.contains(id) {
                lessons.go(LessonsAction::Passed(*id));
            }
        });
    }
    let Some(result) = result else { return html! {} };
    let verdict = if passed {
        format!("✓ {}", t(lang, Key::LessonPassed))
    } else {
        format!("✗ {}", t(lang, Key::LessonNotYet))
    };
    // Two conditions may miss the same thing ("keep the run going until 5:00"): say it once.
    let mut lines: Vec<String> = Vec::new();
    for line in result.missing.iter().map(|m| m.describe(lang)) {
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    html! {
        <div class={class_list("lesson-check", &[Some(if passed { "passed" } else { "pending" })])}
            data-testid="lesson-check" aria-label={t(lang, Key::LessonCheck)} role="group">
            <p class="verdict" data-testid="lesson-verdict" role="status">{ verdict }</p>
            if !passed {
                <p class="missing-head">{ t(lang, Key::LessonStillMissing) }</p>
                <ul class="missing">
                    { for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            }
        </div>
    }
}

/// The lesson list with progress, and the chosen lesson's text and live check. A plain
/// function of the side panel, which holds the lessons, not a component.
pub fn lesson_panel(lang: Lang, ctx: &LessonsContext, curve: &CurveHandle) -> Html {
    let state = ctx.state.clone();
    let id = state.id();
    let text = ctx.texts.get(lang, id);
    let done = state.progress.passed.len();
    let total = LessonId::ALL.len();
    // Until a first-time student moves on from lesson 1, the panel says where to begin.
    let start_here = ctx.first_visit && state.lesson == 0 && done == 0;
    let current_step = match slides_of(lesson_shape(id)).get(state.slide) {
        Some(Slide::Step(i)) => Some(*i),
        _ => None,
    };
    let item = |(i, l): (usize, &LessonId)| {
        let passed = state.progress.passed.contains(l);
        let selected = i == state.lesson;
        let title = t(lang, l.title());
        let label =
            if passed { format!("{title} ({})", t(lang, Key::LessonPassed)) } else { title.to_string() };
        let go = ctx.clone();
        let lesson = *l;
        // A lesson is its design: choosing one opens it (the work it replaces goes to Recent,
        // with a way back), so the list never only highlights.
        let onclick = Callback::from(move |_| {
            go.go(LessonsAction::Select(i));
            go.load_lesson(lesson);
        });
        let start = start_here && i == 0;
        html! {
            <li>
                <button type="button" class={class_list("lesson-item", &[selected.then_some("selected"), passed.then_some("passed")])}
                    data-testid={format!("lesson-item-{}", l.slug())}
                    aria-current={selected.then_some("true")} aria-label={label} {onclick}>
                    <span class="tick" aria-hidden="true">{ if passed { "✓" } else { "" } }</span>
                    <span class="name">{ title }</span>
                    if start { <span class="start-badge" aria-hidden="true">{ t(lang, Key::StartHere) }</span> }
                </button>
            </li>
        }
    };
    let load = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.load_lesson(id))
    };
    let step = |delta: isize| {
        let ctx = ctx.clone();
        let target = state.lesson as isize + delta;
        Callback::from(move |_| {
            if (0..total as isize).contains(&target) {
                ctx.go(LessonsAction::Select(target as usize));
            }
        })
    };
    html! {
        <section class="lesson-panel" data-testid="lesson-panel" aria-label={t(lang, Key::Lessons)} lang={lang.code()}>
            <div class="lesson-head">
                <h2>{ t(lang, Key::Lessons) }</h2>
                <span class="lesson-progress" data-testid="lesson-progress">
                    { tf(lang, Key::LessonProgress, &[&done.to_string(), &total.to_string()]) }
                </span>
            </div>
            if start_here {
                <p class="start-here" data-testid="start-here" role="note">
                    <strong>{ t(lang, Key::StartHere) }</strong>{ " " }{ t(lang, Key::StartHereHelp) }
                </p>
            }
            <ol class="lesson-list">{ for LessonId::ALL.iter().enumerate().map(item) }</ol>
            <article class="lesson-body" data-testid="lesson-body">
                <h3 data-testid="lesson-title">{ t(lang, id.title()) }</h3>
                <button type="button" class="lesson-load" data-testid="lesson-load" onclick={load}>
                    { t(lang, Key::LessonLoadPreset) }
                </button>
                if let Some(text) = text {
                    { lesson_words(lang, &text, current_step) }
                } else {
                    { ctx.texts.placeholder(lang) }
                }
                <LessonCheck {id} lessons={ctx.clone()} curve={curve.clone()} />
                <div class="lesson-nav">
                    <button type="button" data-testid="lesson-prev" disabled={state.lesson == 0} onclick={step(-1)}>
                        { format!("← {}", t(lang, Key::LessonPrev)) }
                    </button>
                    <button type="button" data-testid="lesson-next" disabled={state.lesson + 1 == total} onclick={step(1)}>
                        { format!("{} →", t(lang, Key::LessonNext)) }
                    </button>
                </div>
            </article>
        </section>
    }
}

/// A lesson's words in the panel: the intro, what to notice, the steps (the current one
/// marked) and the task.
fn lesson_words(lang: Lang, text: &LessonText, current_step: Option<usize>) -> Html {
    html! { <>
        <p class="lesson-intro" data-testid="lesson-intro">{ text.intro }</p>
        <h4>{ t(lang, Key::LessonNotice) }</h4>
        <ul>{ for text.notice.iter().map(|n| html! { <li>{ *n }</li> }) }</ul>
        <h4>{ t(lang, Key::LessonTry) }</h4>
        <ol class="lesson-steps">
            { for text.steps.iter().enumerate().map(|(i, s)| html! {
                <li class={(current_step == Some(i)).then_some("current")}
                    aria-current={(current_step == Some(i)).then_some("step")}>{ *s }</li>
            }) }
        </ol>
        <h4>{ t(lang, Key::LessonTask) }</h4>
        <p class="lesson-task">{ text.task }</p>
    </> }
}

/// The preset menu's state, held by the root (a hook, not a component of its own): whether
/// the menu is open, and its button, which gets the focus back on Escape.
#[derive(Clone)]
pub struct PresetMenuState {
    open: UseStateHandle<bool>,
    button: NodeRef,
}

#[hook]
pub fn use_preset_menu() -> PresetMenuState {
    PresetMenuState { open: use_state(|| false), button: use_node_ref() }
}

/// A menu of the built-in designs. Picking one opens it and selects its lesson.
pub fn preset_menu(lang: Lang, ctx: &LessonsContext, menu: &PresetMenuState) -> Html {
    let PresetMenuState { open, button: button_ref } = menu.clone();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let onkeydown = {
        let (open, button_ref) = (open.clone(), button_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                open.set(false);
                if let Some(b) = button_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let pick = |i: usize| {
        let (ctx, open) = (ctx.clone(), open.clone());
        let p = PRESETS[i];
        Callback::from(move |_| {
            ctx.load.emit(p.scenario());
            if let Some(li) = LessonId::ALL.iter().position(|&l| l == p.lesson) {
                ctx.go(LessonsAction::Select(li));
                ctx.show_panel();
            }
            open.set(false);
        })
    };
    html! {
        <div class="preset-menu" {onkeydown}>
            <button type="button" ref={button_ref} data-testid="preset-menu" aria-haspopup="true"
                aria-expanded={open.to_string()} aria-controls="preset-menu-list" onclick={toggle}>
                { format!("{} ▾", t(lang, Key::Presets)) }
            </button>
            if *open {
                <ul id="preset-menu-list" class="preset-list" aria-label={t(lang, Key::Presets)}>
                    { for PRESETS.iter().enumerate().map(|(i, p)| html! {
                        <li><button type="button" data-testid={format!("preset-{}", p.id)} onclick={pick(i)}>
                            { t(lang, p.title) }
                        </button></li>
                    }) }
                </ul>
            }
        </div>
    }
}
