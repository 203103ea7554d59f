//! The Yew user interface: the only module that touches the DOM.
//!
//! What the user edits (regions, zones, components, links, the inspector) is Yew and re-renders
//! only when the scenario or the selection changes. What moves every frame (dots, tints, live
//! charts) is drawn straight from the engine's snapshot by painters the frame loop calls, and
//! the numbers in panels refresh a few times a second.

pub mod app;
pub mod bench;
pub mod class;
pub mod components;
pub mod hooks;
pub mod keys;
pub mod platform;
pub mod state;

pub use app::App;
pub use state::runtime::{FrameReport, Runtime};

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
