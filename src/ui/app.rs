//! The root component: owns the running lab and wires the frame loop to the panels.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::frame_loop::FrameLoop;
use super::runtime::Runtime;
use super::starter;
use super::stats::{LiveNumbers, Stats};

/// How often the numbers panel re-renders, in wall-clock milliseconds.
const PANEL_REFRESH_MS: f64 = 250.0;
/// Share of a frame the engine may use, in milliseconds.
const ENGINE_BUDGET_MS: f64 = 8.0;

#[component]
pub fn App() -> Html {
    let runtime =
        use_mut_ref(|| Runtime::new(starter::single_server()).expect("the starter scenario is valid"));
    let numbers = use_state(LiveNumbers::default);
    let playing = use_state(|| false);

    {
        let runtime = runtime.clone();
        let numbers = numbers.clone();
        use_effect_with((), move |_| {
            let frame = start_loop(runtime, numbers);
            move || drop(frame)
        });
    }

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

    html! {
        <div class="app">
            <header class="topbar">
                <h1>{"Archlab"}</h1>
                <button data-testid="play" onclick={toggle}>{ if *playing { "Pause" } else { "Play" } }</button>
                <button data-testid="reset" onclick={reset}>{"Reset"}</button>
            </header>
            <main>
                <Stats numbers={(*numbers).clone()} />
            </main>
        </div>
    }
}

/// Drives the engine every frame and refreshes the panel state a few times a second.
fn start_loop(runtime: Rc<RefCell<Runtime>>, numbers: UseStateHandle<LiveNumbers>) -> FrameLoop {
    let mut last_ts: Option<f64> = None;
    let mut since_panel = f64::INFINITY;
    FrameLoop::start(move |ts| {
        let dt = last_ts.map_or(0.0, |l| ts - l);
        last_ts = Some(ts);
        let mut rt = runtime.borrow_mut();
        let start = now_ms();
        rt.frame(dt, &mut || now_ms() - start > ENGINE_BUDGET_MS);
        since_panel += dt;
        if since_panel >= PANEL_REFRESH_MS {
            since_panel = 0.0;
            let ids: Vec<String> = rt.scenario().components.iter().map(|c| c.id.clone()).collect();
            let sim = rt.sim();
            numbers.set(LiveNumbers::read(sim.metrics(), sim.now(), &ids, rt.speed, rt.achieved_speed));
        }
    })
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
