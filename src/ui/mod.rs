//! The Yew user interface: the only module that touches the DOM.
//!
//! What the user edits (regions, zones, components, links, the inspector) is Yew and re-renders
//! only when the scenario or the selection changes. What moves every frame (dots, tints, live
//! charts) is drawn straight from the engine's snapshot by the frame loop, and the numbers in
//! panels refresh a few times a second.

pub mod app;
pub mod file_io;
pub mod frame_loop;
pub mod keep;
pub mod lang;
pub mod lesson_flow;
pub mod lessons;
pub mod persist;
pub mod presentation;
pub mod qr;
pub mod runtime;
pub mod share_menu;
pub mod shared;
pub mod starter;
pub mod state;
pub mod stats;

pub use app::App;
pub use runtime::{FrameReport, Runtime};

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
