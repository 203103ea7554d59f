//! Which lesson: the id that keys a lesson's words in the language tables and packs, its
//! title, and the slug that names its preset and its progress. The lesson itself (its preset,
//! task and check) is `catalog::lessons`, which sits above i18n and words its results here.

use super::Key;

/// A lesson's identity; also the id of the preset it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LessonId {
    SingleServer,
    SeparateDb,
    LoadBalancer,
    Processes,
    MultiAz,
    MultiRegion,
    LbSpof,
    ZoneOutage,
    DbFailover,
    SpikeAutoscaling,
    RollingBadDeploy,
    MultiAzCost,
    RetryStorm,
}

impl LessonId {
    pub const ALL: [LessonId; 13] = [
        LessonId::SingleServer,
        LessonId::SeparateDb,
        LessonId::LoadBalancer,
        LessonId::Processes,
        LessonId::MultiAz,
        LessonId::MultiRegion,
        LessonId::LbSpof,
        LessonId::ZoneOutage,
        LessonId::DbFailover,
        LessonId::SpikeAutoscaling,
        LessonId::RollingBadDeploy,
        LessonId::MultiAzCost,
        LessonId::RetryStorm,
    ];

    /// The stable id used for progress in local storage and for the preset's file name.
    pub fn slug(self) -> &'static str {
        match self {
            LessonId::SingleServer => "single-server",
            LessonId::SeparateDb => "separate-db",
            LessonId::LoadBalancer => "load-balancer",
            LessonId::Processes => "processes",
            LessonId::MultiAz => "multi-az",
            LessonId::MultiRegion => "multi-region",
            LessonId::LbSpof => "lb-spof",
            LessonId::ZoneOutage => "zone-outage",
            LessonId::DbFailover => "db-failover",
            LessonId::SpikeAutoscaling => "spike-autoscaling",
            LessonId::RollingBadDeploy => "rolling-bad-deploy",
            LessonId::MultiAzCost => "multi-az-cost",
            LessonId::RetryStorm => "retry-storm",
        }
    }

    /// The lesson's title, which is also its preset's title.
    pub fn title(self) -> Key {
        match self {
            LessonId::SingleServer => Key::PresetSingleServer,
            LessonId::SeparateDb => Key::PresetSeparateDb,
            LessonId::LoadBalancer => Key::PresetLoadBalancer,
            LessonId::Processes => Key::PresetProcesses,
            LessonId::MultiAz => Key::PresetMultiAz,
            LessonId::MultiRegion => Key::PresetMultiRegion,
            LessonId::LbSpof => Key::PresetLbSpof,
            LessonId::ZoneOutage => Key::PresetZoneOutage,
            LessonId::DbFailover => Key::PresetDbFailover,
            LessonId::SpikeAutoscaling => Key::PresetSpikeAutoscaling,
            LessonId::RollingBadDeploy => Key::PresetRollingBadDeploy,
            LessonId::MultiAzCost => Key::PresetMultiAzCost,
            LessonId::RetryStorm => Key::PresetRetryStorm,
        }
    }

    pub fn from_slug(slug: &str) -> Option<LessonId> {
        LessonId::ALL.into_iter().find(|l| l.slug() == slug)
    }
}
