//! Archlab: a browser lab for production web architectures.
//!
//! Data flows one way: [`model`] (what the user built) → [`engine`] (what happens) → [`ui`]
//! (what the user sees). See `ARCHITECTURE.md` for the map and its invariants.

pub mod analysis;
pub mod catalog;
pub mod decimal;
pub mod editor;
pub mod engine;
pub mod i18n;
pub mod model;
pub mod order;
pub mod share;
pub mod ui;
