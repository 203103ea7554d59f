//! Built-in knowledge: real regions and the latencies between them, presets, lessons.
//!
//! Numbers here come from real systems and say where they come from, so that a student can
//! trust the lab's answers the way they would trust a measurement.

mod latency;
mod lesson_shape;
mod lesson_text;
mod lessons;
mod preset_table;
mod presets;
mod presets_operate;
pub mod pricing;
mod regions;
mod run_summary;

pub use latency::{rtt_ms, CROSS_ZONE_RTT_MS, JITTER, SAME_ZONE_RTT_MS};
pub use lesson_shape::{lesson_shape, LessonShape};
#[cfg(not(target_arch = "wasm32"))]
pub use lesson_text::lesson_text;
pub use lesson_text::{loaded_lesson_text, LessonText};
pub use lessons::{
    evaluate, lesson, lessons, CheckResult, Condition, Lesson, LessonId, Missing, RunSummary, SecondSummary,
    OBSERVE_S,
};
pub use preset_table::{builder, preset, Preset, PRESETS};
pub use presets::{app_server, database, single_server};
pub use regions::{region, RegionInfo, REGIONS};
