//! How many notice points and steps each lesson has, without its words.
//!
//! The wasm build does not compile the English lesson texts (they are the fetched pack
//! `lang/lessons-en.json`), yet slide navigation, the step highlighted in the panel and the
//! rebuilding of a fetched pack into lessons need each lesson's shape before any text is in.
//! `tests/lesson_shape.rs` checks this table against both languages' texts.

use super::LessonId;

/// A lesson's shape: the counts of its notice points and of its steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonShape {
    pub notice: usize,
    pub steps: usize,
}

impl LessonShape {
    /// Its entries in a pack: intro, notice…, steps…, task.
    pub fn entries(self) -> usize {
        2 + self.notice + self.steps
    }
}

/// The shape of lesson `id`.
pub fn lesson_shape(id: LessonId) -> LessonShape {
    let (notice, steps) = match id {
        LessonId::SingleServer | LessonId::LoadBalancer | LessonId::Processes | LessonId::MultiAz => (3, 4),
        LessonId::SeparateDb
        | LessonId::MultiRegion
        | LessonId::LbSpof
        | LessonId::ZoneOutage
        | LessonId::DbFailover
        | LessonId::SpikeAutoscaling
        | LessonId::RollingBadDeploy
        | LessonId::MultiAzCost
        | LessonId::RetryStorm => (3, 3),
    };
    LessonShape { notice, steps }
}
