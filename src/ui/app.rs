//! The root component: owns the edited scenario and the running lab, lays out the panels.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::frame_loop::FrameLoop;
use super::runtime::Runtime;
use super::shared::{Shared, ViewBox};
use super::starter;
use super::lang::{LangProvider, LangSwitch};
use super::lessons::{LessonPanel, LessonsProvider, PresetMenu};
use super::presentation::{PresentationStage, PresentationToggle};
use super::state::{Action, EditorHandle, EditorState};
use super::stats::{LiveNumbers, Stats};

/// How often the live panels re-render, in wall-clock milliseconds.
const PANEL_REFRESH_MS: f64 = 250.0;
/// Share of a frame the engine may use, in milliseconds.
const ENGINE_BUDGET_MS: f64 = 8.0;

#[component]
pub fn App() -> Html {
    let editor: EditorHandle = use_reducer(|| EditorState::new(starter::single_server()));
    let runtime =
        use_mut_ref(|| Runtime::new(editor.scenario().clone()).expect("the starting scenario is valid"));
    let view = use_state(|| Rc::new(Cell::new(ViewBox::default())));
    let tick = use_state(|| 0u64);
    let playing = use_state(|| false);

    // Editing rebuilds the engine from the edited scenario (the run restarts at t = 0).
    {
        let runtime = runtime.clone();
        let editor = editor.clone();
        use_effect_with(editor.revision, move |_| {
            let scenario = editor.scenario().clone();
            let mut rt = runtime.borrow_mut();
            if rt.scenario() != &scenario {
                let _ = rt.load(scenario);
            }
        });
    }
    {
        let runtime = runtime.clone();
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let frame = start_loop(runtime, tick);
            move || drop(frame)
        });
    }

    let shared = Shared { runtime: runtime.clone(), view: (*view).clone(), tick: *tick };
    let toggle = {
        let runtime = runtime.clone();
        let playing = playing.clone();
        Callback::from(move |_| {
            let mut rt = runtime.borrow_mut();
            rt.playing = !rt.playing;
            playing.set(rt.playing);
        })
    };
    let reset = {
        let runtime = runtime.clone();
        Callback::from(move |_| runtime.borrow_mut().reset())
    };
    let numbers = {
        let rt = runtime.borrow();
        let ids: Vec<String> = rt.scenario().components.iter().map(|c| c.id.clone()).collect();
        LiveNumbers::read(rt.sim().metrics(), rt.sim().now(), &ids, rt.speed, rt.achieved_speed)
    };

    let load = {
        let editor = editor.clone();
        Callback::from(move |s| editor.dispatch(Action::Replace(s)))
    };
    html! {
        <LangProvider>
        <ContextProvider<Shared> context={shared}>
        <LessonsProvider {load}>
            <div class="app">
                <header class="topbar">
                    <h1>{"Archlab"}</h1>
                    <button data-testid="play" onclick={toggle}>{ if *playing { "Pause" } else { "Play" } }</button>
                    <button data-testid="reset" onclick={reset}>{"Reset"}</button>
                    <PresetMenu />
                    <PresentationToggle />
                    <LangSwitch />
                </header>
                <div style="display:flex; flex:1; min-height:0">
                    <main style="flex:1">
                        <Stats {numbers} />
                    </main>
                    <aside class="side" style="width:340px; overflow:auto; border-left:1px solid #cbd2dc; background:#fff">
                        <LessonPanel />
                    </aside>
                </div>
            </div>
            <PresentationStage />
        </LessonsProvider>
        </ContextProvider<Shared>>
        </LangProvider>
    }
}

/// Drives the engine every frame and bumps `tick` a few times a second for the live panels.
fn start_loop(runtime: Rc<RefCell<Runtime>>, tick: UseStateHandle<u64>) -> FrameLoop {
    let mut last_ts: Option<f64> = None;
    let mut since_panel = 0.0;
    let mut ticks = 0u64;
    FrameLoop::start(move |ts| {
        let dt = last_ts.map_or(0.0, |l| ts - l);
        last_ts = Some(ts);
        let start = now_ms();
        runtime.borrow_mut().frame(dt, &mut || now_ms() - start > ENGINE_BUDGET_MS);
        since_panel += dt;
        if since_panel >= PANEL_REFRESH_MS {
            since_panel = 0.0;
            ticks += 1;
            tick.set(ticks);
        }
    })
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
