//! The event log in plain language and the failure story read from it (folded failure lines,
//! phases, the countdowns the canvas shows).

pub mod event_log;
pub mod story;
