//! Hooks the root component runs once: the animation-frame loop, the registry of per-frame
//! painters it calls, and the tie between the editor and storage (autosave, links).

pub mod frame_loop;
pub mod keep;
pub mod painters;
