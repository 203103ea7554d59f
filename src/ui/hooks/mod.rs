//! Hooks the root and the panels share: the animation-frame loop, registering a per-frame
//! painter, and the tie between the editor and storage (autosave, links).

pub mod frame_loop;
pub mod keep;
pub mod painters;
