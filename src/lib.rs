//! Archlab's web app: the Yew interface and its browser adapters ([`ui`]).
//!
//! Data flows one way: `model` (what the user built) → `engine` (what happens) → [`ui`] (what
//! the user sees). The layers below are crates of their own (`crates/engine`, `crates/lab`),
//! re-exported here so that the app and its tests name them in one place. See
//! `ARCHITECTURE.md` for the map and its invariants.

pub use archlab_lab::{analysis, catalog, editor, engine, i18n, model, share, sweep};

pub mod ui;
