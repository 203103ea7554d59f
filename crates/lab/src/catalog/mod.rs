//! Built-in knowledge: presets and lessons, above the catalog's data (regions, latencies,
//! prices), which sits below the engine in `archlab_engine::catalog` and is re-exported here.
//!
//! Numbers here come from real systems and say where they come from, so that a student can
//! trust the lab's answers the way they would trust a measurement.

mod lessons;
mod preset_table;
mod presets;
mod presets_operate;
mod run_summary;

// A lesson's words and their shape live with the other texts in i18n (which sits below this
// module); re-exported here beside the lessons they belong to.
#[cfg(not(target_arch = "wasm32"))]
pub use crate::i18n::lesson_text;
pub use crate::i18n::{lesson_shape, loaded_lesson_text, LessonShape, LessonText};
pub use lessons::{
    evaluate, lesson, lessons, CheckResult, Condition, KneeReading, Lesson, LessonId, Missing, RunSummary,
    SecondSummary, SweepSummary, OBSERVE_S,
};
pub use preset_table::{builder, preset, preset_id_of, Preset, PRESETS};
pub use presets::{app_server, database, single_server};

pub use archlab_engine::catalog::*;
