//! Archlab's pure core: the scenario model, the catalog's data and the traffic engine.
//!
//! Data flows one way: [`model`] (what the user built) → [`engine`] (what happens). This crate
//! depends on no browser crate and reads no clock: the UI asks the engine to advance to a
//! simulated time and pulls snapshots. See `ARCHITECTURE.md` for the map and its invariants.

pub mod catalog;
pub mod engine;
pub mod model;
