//! The sweep's Web Workers, from the page: a few module workers (`sweep-worker.js`, the app's
//! own wasm) share the points of one sweep, each taking the next job when it answers one, and
//! the page hears every point as it comes. Cancel is dropping the pool: every worker is
//! terminated, mid-point included.
//!
//! Results do not depend on how many workers run: each job carries its point's own seed
//! (`SweepJob::for_sweep`), and each answer its point's index.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::sweep::message::{CurvePoint, WorkerAnswer};

/// The worker script Trunk copies beside the page (its imports filled in after the build by
/// `scripts/sweep-worker.mjs`).
const SCRIPT: &str = "./sweep-worker.js";
/// At most this many workers, whatever the machine: beyond it the page's own run and drawing
/// compete for the same cores.
const MAX_WORKERS: usize = 4;

/// What the page hears from a sweep.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "one event per worker answer, consumed at once")]
pub enum PoolEvent {
    Point(CurvePoint),
    /// A worker refused a job (its message, in English: a defect's): the sweep stops.
    Failed(String),
    /// A worker could not start (no module workers, or the script failed): the sweep stops.
    NoWorker,
}

/// A running sweep. Dropping it terminates its workers.
pub struct SweepPool {
    workers: Vec<Worker>,
    _handlers: Vec<Closure<dyn FnMut(MessageEvent)>>,
    _errors: Vec<Closure<dyn FnMut(Event)>>,
}

impl Drop for SweepPool {
    fn drop(&mut self) {
        self.workers.iter().for_each(Worker::terminate);
    }
}

/// How many workers a sweep of `jobs` points runs: the browser's count of logical cores,
/// at most [`MAX_WORKERS`], never more than the points.
pub fn worker_count(jobs: usize) -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    let cores = if cores.is_finite() && cores >= 1.0 { cores as usize } else { 1 };
    cores.min(MAX_WORKERS).min(jobs).max(1)
}

impl SweepPool {
    /// Starts workers and hands them `jobs` (JSON `SweepJob`s) one at a time each.
    pub fn start(jobs: Vec<String>, on_event: Callback<PoolEvent>) -> Result<SweepPool, String> {
        let n = worker_count(jobs.len());
        let queue = Rc::new(RefCell::new(VecDeque::from(jobs)));
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let mut pool = SweepPool { workers: Vec::new(), _handlers: Vec::new(), _errors: Vec::new() };
        for _ in 0..n {
            let worker = Worker::new_with_options(SCRIPT, &opts).map_err(|e| format!("{e:?}"))?;
            let (me, queue, events) = (worker.clone(), queue.clone(), on_event.clone());
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let text = e.data().as_string().unwrap_or_default();
                match WorkerAnswer::from_json(&text) {
                    Ok(WorkerAnswer::Ready) => {}
                    Ok(WorkerAnswer::Point(p)) => events.emit(PoolEvent::Point(p)),
                    Ok(WorkerAnswer::Refused { problem, .. }) => {
                        return events.emit(PoolEvent::Failed(problem))
                    }
                    Err(e) => return events.emit(PoolEvent::Failed(e)),
                }
                // Ready, or done with a point: the next job, if any is left.
                if let Some(job) = queue.borrow_mut().pop_front() {
                    let _ = me.post_message(&JsValue::from_str(&job));
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            let events = on_event.clone();
            let on_error = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                e.prevent_default();
                events.emit(PoolEvent::NoWorker);
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            pool.workers.push(worker);
            pool._handlers.push(on_message);
            pool._errors.push(on_error);
        }
        Ok(pool)
    }
}
