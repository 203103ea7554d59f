//! The presets' table: what the preset menu, links ("?preset=multi-az") and lessons list, and
//! how each becomes a scenario. The app reads the scenario from compact JSON embedded here; the
//! code that builds it (`presets.rs`, `presets_operate.rs`) is the source of that JSON, reached
//! through [`builder`] by tests and native tools only.

use super::lessons::LessonId;
use super::presets::*;
use super::presets_operate;
use crate::i18n::Key;
use crate::model::Scenario;

/// A built-in scenario and the lesson that goes with it.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Stable id, used in links ("?preset=multi-az") and as the JSON file name.
    pub id: &'static str,
    /// The name the built scenario carries (tests/presets.rs checks they agree): while a
    /// design keeps it, the UI shows the translated `title` instead.
    pub name: &'static str,
    pub title: Key,
    /// The lesson that teaches with this preset.
    pub lesson: LessonId,
    /// The scenario as the compact JSON a link carries (`share::to_compact_json`), generated
    /// from its builder ([`builder`]) by `tests/presets.rs`. The wasm holds this text instead of
    /// the builders' code: 1 KB less of the gzipped bundle (issue 4).
    pub compact: &'static str,
}

impl Preset {
    /// The scenario, read from its compact JSON.
    pub fn scenario(&self) -> Scenario {
        match crate::share::stored_form(self.compact) {
            crate::share::Stored::Json(Ok(s)) => s,
            // tests/presets.rs reads every one; a broken build shows an empty design, no panic.
            _ => Scenario::empty(self.name),
        }
    }
}

/// The presets in teaching order.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "single-server",
        name: "Single server",
        title: Key::PresetSingleServer,
        lesson: LessonId::SingleServer,
        compact: include_str!("preset_json/single-server.json"),
    },
    Preset {
        id: "separate-db",
        name: "Separate database",
        title: Key::PresetSeparateDb,
        lesson: LessonId::SeparateDb,
        compact: include_str!("preset_json/separate-db.json"),
    },
    Preset {
        id: "load-balancer",
        name: "Load balancer",
        title: Key::PresetLoadBalancer,
        lesson: LessonId::LoadBalancer,
        compact: include_str!("preset_json/load-balancer.json"),
    },
    Preset {
        id: "processes",
        name: "Processes per server",
        title: Key::PresetProcesses,
        lesson: LessonId::Processes,
        compact: include_str!("preset_json/processes.json"),
    },
    Preset {
        id: "multi-az",
        name: "Two availability zones",
        title: Key::PresetMultiAz,
        lesson: LessonId::MultiAz,
        compact: include_str!("preset_json/multi-az.json"),
    },
    Preset {
        id: "multi-region",
        name: "Two regions",
        title: Key::PresetMultiRegion,
        lesson: LessonId::MultiRegion,
        compact: include_str!("preset_json/multi-region.json"),
    },
    Preset {
        id: "lb-spof",
        name: "Load balancer failure",
        title: Key::PresetLbSpof,
        lesson: LessonId::LbSpof,
        compact: include_str!("preset_json/lb-spof.json"),
    },
    Preset {
        id: "zone-outage",
        name: "Zone outage",
        title: Key::PresetZoneOutage,
        lesson: LessonId::ZoneOutage,
        compact: include_str!("preset_json/zone-outage.json"),
    },
    Preset {
        id: "db-failover",
        name: "Database failover",
        title: Key::PresetDbFailover,
        lesson: LessonId::DbFailover,
        compact: include_str!("preset_json/db-failover.json"),
    },
    // Operating the service (issue 9).
    Preset {
        id: "spike-autoscaling",
        name: "Spike vs auto scaling",
        title: Key::PresetSpikeAutoscaling,
        lesson: LessonId::SpikeAutoscaling,
        compact: include_str!("preset_json/spike-autoscaling.json"),
    },
    Preset {
        id: "rolling-bad-deploy",
        name: "Rolling deploy of a bad version",
        title: Key::PresetRollingBadDeploy,
        lesson: LessonId::RollingBadDeploy,
        compact: include_str!("preset_json/rolling-bad-deploy.json"),
    },
    Preset {
        id: "multi-az-cost",
        name: "What multi-AZ costs",
        title: Key::PresetMultiAzCost,
        lesson: LessonId::MultiAzCost,
        compact: include_str!("preset_json/multi-az-cost.json"),
    },
    // Failures as networks show them (issue 18).
    Preset {
        id: "retry-storm",
        name: "Retry storm",
        title: Key::PresetRetryStorm,
        lesson: LessonId::RetryStorm,
        compact: include_str!("preset_json/retry-storm.json"),
    },
];

/// The preset with this id, built.
pub fn preset(id: &str) -> Option<Scenario> {
    PRESETS.iter().find(|p| p.id == id).map(Preset::scenario)
}

/// The id of the preset `s` is, unchanged (seed included), if any. Its share link can then be
/// `?preset=ID`, about 40 characters instead of about 600: a QR code of a few large modules,
/// which a phone reads from the back of a classroom. Only presets with the same name are built.
pub fn preset_id_of(s: &Scenario) -> Option<&'static str> {
    PRESETS.iter().find(|p| p.name == s.name && p.scenario() == *s).map(|p| p.id)
}

/// The code that builds the preset with this id: the source of its compact JSON, which
/// `tests/presets.rs` writes and checks. Only tests and native tools call it, so the builders
/// stay out of the wasm.
pub fn builder(id: &str) -> Option<fn() -> Scenario> {
    let build: fn() -> Scenario = match id {
        "single-server" => single_server,
        "separate-db" => separate_db,
        "load-balancer" => load_balancer,
        "processes" => processes,
        "multi-az" => multi_az,
        "multi-region" => multi_region,
        "lb-spof" => lb_spof,
        "zone-outage" => zone_outage,
        "db-failover" => db_failover,
        "spike-autoscaling" => presets_operate::spike_autoscaling,
        "rolling-bad-deploy" => presets_operate::rolling_bad_deploy,
        "multi-az-cost" => presets_operate::multi_az_cost,
        "retry-storm" => presets_operate::retry_storm,
        _ => return None,
    };
    Some(build)
}
