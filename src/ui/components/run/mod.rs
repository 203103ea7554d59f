//! Running the lab: the toolbar (play, speed, traffic), the headline numbers with money and
//! availability, the scripted-fault timeline, and presentation mode for a projector.

pub mod money;
pub mod presentation;
pub mod stats;
pub mod timeline;
pub mod toolbar;
