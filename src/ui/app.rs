//! The root component: owns the edited scenario and the running lab, provides them with the
//! language to every panel in one context (`state::lab::Lab`), lays out the panels, and runs the
//! one animation-frame loop (engine first, then every painter).
//!
//! Layout (CSS grid, static/style.css): the toolbar on top; the palette slot on the left; the
//! canvas area in the middle (the diagram editor's `<Canvas/>` with the lab's overlay canvas
//! on top); the inspector slot, bottleneck callout and detail on the right; the dashboard and
//! the event log along the bottom.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::bench::{bench_result, requested, use_bench};
use super::state::{Action, EditorHandle, EditorState};
use crate::catalog::preset;
use crate::editor::View;
use crate::i18n::{t, Key, Lang};
use crate::model::Scenario;
use crate::ui::bench::scenario::bench_scenario;
use crate::ui::components::canvas::overlay::{overlay, use_overlay};
use crate::ui::components::canvas::palette::Palette;
use crate::ui::components::canvas::Canvas;
use crate::ui::components::curve::use_curve;
use crate::ui::components::dashboard::Dashboard;
use crate::ui::components::inspector::side_panel::SidePanel;
use crate::ui::components::lessons::{preset_menu, use_lessons_root, use_preset_menu};
use crate::ui::components::log::event_log::EventLog;
use crate::ui::components::run::presentation::{presentation_toggle, PresentationStage};
use crate::ui::components::run::toolbar::Toolbar;
use crate::ui::components::share::menu::{open_share, share_menu, share_notice, use_share_menu};
use crate::ui::hooks::frame_loop::FrameLoop;
use crate::ui::hooks::keep::{use_boot, use_persistence};
use crate::ui::platform::persist::{self, Extras, Origin};
use crate::ui::state::lab::{Lab, Tick};
use crate::ui::state::lang::{lang_notice, lang_switch, use_lang_root};
use crate::ui::state::painters::{FrameLogHandle, FrameTiming, PaintCtx, PaintersHandle};
use crate::ui::state::runtime::Runtime;

/// How often the live panels re-render, in wall-clock milliseconds.
const PANEL_REFRESH_MS: f64 = 250.0;
/// Share of a frame the engine may use, in milliseconds.
const ENGINE_BUDGET_MS: f64 = 8.0;

fn page_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// A scenario the page's address asks for explicitly: the benchmark (`?bench`) or a preset
/// (`?preset=ID`). It wins over a link in the fragment and over the autosave, and opens through
/// the same door as a link (`persist::boot`): the work it replaces goes onto the recent list.
/// `preset=` is then taken out of the address (after the first render, which the lessons
/// read it for), so a reload restores the autosave (the edits made since) rather than the
/// preset as it was first opened; `?bench` stays, it is a tool.
fn asked_for() -> Option<Scenario> {
    let search = page_search();
    if requested(&search).is_some() {
        return Some(bench_scenario());
    }
    search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("preset=")).and_then(preset)
}

/// The first step of the teaching path, when nothing else is asked for or saved: read from
/// the preset table like any preset, so no builder's code is in the wasm.
fn default_scenario() -> Scenario {
    crate::catalog::PRESETS[0].scenario()
}

/// What the root makes once, at mount (one memo rather than one per handle).
struct Roots {
    bench: Option<u32>,
    start: Scenario,
    view: Rc<Cell<View>>,
    painters: PaintersHandle,
    frames: FrameLogHandle,
    /// The frame loop outlives renders: it reads the language through this cell.
    lang: Rc<Cell<Lang>>,
}

#[component]
pub fn App() -> Html {
    // The language, provided to every panel (and read by the frame loop's painters).
    let lang_ctx = use_lang_root();
    let lang = lang_ctx.lang;
    let boot = use_boot(default_scenario, asked_for);
    use_effect_with((), |_| persist::drop_preset_query());
    let roots = {
        let boot = boot.clone();
        use_memo((), move |_| {
            let bench = requested(&page_search());
            Roots {
                bench,
                // What the address asks for, else a shared link, else the autosave, else the
                // first preset: `keep::use_boot` decides.
                start: boot.scenario.clone(),
                view: Rc::new(Cell::new(boot.extras.view.map(View::from).unwrap_or_default())),
                painters: Rc::default(),
                frames: Rc::default(),
                lang: Rc::new(Cell::new(lang)),
            }
        })
    };
    let bench = roots.bench;
    let editor: EditorHandle = {
        let (roots, boot) = (roots.clone(), boot.clone());
        use_reducer(move || EditorState::new(roots.start.clone()).with_selection(&boot.extras.selection))
    };
    let runtime = {
        let roots = roots.clone();
        use_mut_ref(move || {
            // A scenario that fails validation never gets here: links, files and the autosave
            // are validated by `share` before they are opened. `panic!`, not `expect`: `expect`
            // would format the error with `Debug` and bring every problem's `Debug` into the
            // wasm (1.2 KB gz) for a message no student can see.
            let mut rt = Runtime::new(roots.start.clone())
                .or_else(|_| Runtime::new(default_scenario()))
                .unwrap_or_else(|_| panic!("the built-in preset is valid"));
            rt.set_playing(roots.bench.is_some());
            rt
        })
    };
    let view = roots.view.clone();
    let extras = Extras { selection: editor.selected().to_vec(), view: Some(view.get().into()) };
    let keep = use_persistence(&editor, &boot, extras);
    let (painters, frames) = (roots.painters.clone(), roots.frames.clone());
    roots.lang.set(lang);
    let tick = use_state(|| 0u64);

    // Editing follows the edited scenario: moves keep the run, anything else restarts it.
    {
        let runtime = runtime.clone();
        let editor = editor.clone();
        use_effect_with(editor.revision, move |_| {
            let _ = runtime.borrow_mut().sync(editor.scenario());
        });
    }
    {
        let (runtime, tick, painters, frames, view) =
            (runtime.clone(), tick.clone(), painters.clone(), frames.clone(), view.clone());
        let lang_cell = roots.lang.clone();
        use_effect_with((), move |_| {
            let frame = start_loop(runtime, tick, painters, frames, view, lang_cell);
            move || drop(frame)
        });
    }

    // The one context: the editor, the running lab and the language. The beat is its own
    // context (`state/lab.rs` says why).
    let lab =
        Lab { editor: editor.clone(), runtime: runtime.clone(), view: view.clone(), painters, frames, lang };
    let bench_done = use_bench(bench, &lab);
    let overlay_canvas = use_overlay(&lab);
    let selected = editor
        .selected()
        .first()
        .and_then(|id| editor.scenario().components.iter().position(|c| &c.id == id));
    let on_select = {
        let editor = editor.clone();
        Callback::from(move |i: usize| {
            if let Some(c) = editor.scenario().components.get(i) {
                editor.dispatch(Action::Select(vec![c.id.clone()]));
            }
        })
    };

    // A lesson's design opens like a link: the work it replaces is kept in the recent list.
    let load_lesson = {
        let keep = keep.clone();
        Callback::from(move |s: Scenario| keep.open(s, Origin::Preset))
    };
    let lessons = use_lessons_root(load_lesson);
    let presets = use_preset_menu();
    let share = use_share_menu(&keep);
    // The Curve tab's sweep and pinned curve: the pinned one travels in the share link.
    let curve = use_curve(&share.extra);
    // Presentation mode's Q: the share link's QR code, full screen.
    let show_qr = {
        let (keep, share) = (keep.clone(), share.clone());
        Callback::from(move |_| open_share(lang, &keep, &share, true))
    };
    // Busy while a link in the address is being inflated (it opens a moment after the start).
    let busy = (*keep.opening).then_some("true");
    html! {
        <ContextProvider<Lab> context={lab}>
        <ContextProvider<Tick> context={Tick(*tick)}>
            <div class="app" data-testid="app" aria-busy={busy}>
                <header class="top">
                    <div class="topbar">
                        <h1>{ t(lang, Key::AppTitle) }</h1>
                        <Toolbar />
                        { preset_menu(lang, &lessons, &presets) }
                        { share_menu(lang, &keep, &share) }
                        { presentation_toggle(lang, &lessons) }
                        { lang_switch(&lang_ctx) }
                    </div>
                    { share_notice(lang, &keep) }
                    { lang_notice(&lang_ctx) }
                </header>
                <aside class="palette-slot" aria-label={t(lang, Key::Palette)}><Palette /></aside>
                <div class="canvas-area" data-testid="canvas-area">
                    <Canvas presenting={lessons.state.presenting} />
                    { overlay(overlay_canvas) }
                </div>
                <SidePanel {selected} on_select={on_select.clone()} lessons={lessons.clone()} curve={curve.clone()} />
                <section class="bottom">
                    <Dashboard />
                    <EventLog {on_select} />
                </section>
                if bench.is_some() { { bench_result(lang, &bench_done) } }
            </div>
            <PresentationStage lessons={lessons.clone()} {show_qr} curve={curve.clone()} />
        </ContextProvider<Tick>>
        </ContextProvider<Lab>>
    }
}

/// Drives the engine every frame, then the painters, and bumps `tick` a few times a second
/// for the live panels when the run changed (a paused lab's panels would render the same).
fn start_loop(
    runtime: Rc<RefCell<Runtime>>,
    tick: UseStateHandle<u64>,
    painters: PaintersHandle,
    frames: FrameLogHandle,
    view: Rc<Cell<View>>,
    lang: Rc<Cell<Lang>>,
) -> FrameLoop {
    let mut last_ts: Option<f64> = None;
    let mut since_panel = 0.0;
    let mut ticks = 0u64;
    // The run's revision the panels were last bumped for.
    let mut ticked = None;
    FrameLoop::start(move |ts| {
        let dt = last_ts.map_or(0.0, |l| ts - l);
        last_ts = Some(ts);
        let start = now_ms();
        runtime.borrow_mut().frame(dt, &mut || now_ms() - start > ENGINE_BUDGET_MS);
        let engine_ms = now_ms() - start;
        let revision = {
            let rt = runtime.borrow();
            let ctx = PaintCtx { runtime: &rt, view: view.get(), lang: lang.get(), now_ms: start };
            painters.borrow_mut().paint_all(&ctx);
            rt.revision()
        };
        frames.borrow_mut().push(FrameTiming { interval_ms: dt, engine_ms, work_ms: now_ms() - start });
        since_panel += dt;
        if since_panel >= PANEL_REFRESH_MS {
            since_panel = 0.0;
            if ticked != Some(revision) {
                ticked = Some(revision);
                ticks += 1;
                tick.set(ticks);
            }
        }
    })
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
