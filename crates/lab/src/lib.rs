//! What Archlab knows without a browser: the editor's state machine, the diagnosis, the share
//! format, the interface's words in two languages, presets and lessons, and sweeps (a design
//! at a series of offered loads, one pure call per point).
//!
//! It sits between the pure engine (`archlab_engine`, re-exported here as [`model`], [`engine`]
//! and, with the presets and lessons added, [`catalog`]) and the web app, which is the only
//! code that touches the DOM. See `ARCHITECTURE.md`.

pub use archlab_engine::{engine, model};

pub mod analysis;
pub mod catalog;
pub mod editor;
pub mod i18n;
pub mod share;
pub mod sweep;
