//! The Yew user interface: the only module that touches the DOM.
//!
//! What the user edits (regions, zones, components, links, the inspector) is Yew and re-renders
//! only when the scenario or the selection changes. What moves every frame (dots, tints, live
//! charts) is drawn straight from the engine's snapshot by painters the frame loop calls, and
//! the numbers in panels refresh a few times a second.

pub mod app;
pub mod bench;
pub mod bench_scenario;
pub mod callout;
pub mod canvas;
pub mod chaos;
pub mod chaos_pairs;
pub mod chaos_targets;
pub mod class;
pub mod colors;
pub mod dashboard;
pub mod deflate;
pub mod detail;
pub mod draw;
pub mod editor_props;
pub mod event_log;
pub mod fault_buttons;
pub mod file_io;
pub mod fleet;
pub mod frame_loop;
pub mod insights;
pub mod inspector;
pub mod inspector_operate;
pub mod keep;
pub mod keys;
pub mod lang;
pub mod lesson_flow;
pub mod lesson_texts;
pub mod lessons;
pub mod log_story;
mod math;
pub mod money;
pub mod notice;
pub mod operate_alarms;
pub mod operate_deploys;
pub mod operate_panel;
pub mod overlay;
pub mod painters;
pub mod palette;
pub mod persist;
mod persist_json;
pub mod presentation;
pub mod qr;
pub mod runtime;
pub mod share_menu;
pub mod shared;
pub mod side_panel;
pub mod state;
mod state_action;
pub mod stats;
pub mod timeline;
pub mod toolbar;

pub use app::App;
pub use runtime::{FrameReport, Runtime};

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
