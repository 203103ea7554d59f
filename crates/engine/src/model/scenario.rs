//! The top level of a scenario: regions with their zones, components, links and run settings.

use super::{Alarm, Component, Deployment, ScheduledFault, Traffic, FORMAT_VERSION};

/// A whole lab: what was built, how it is driven, and what breaks when.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Format version, checked before anything else is read.
    pub version: u32,
    /// Shown in the title bar and the recent list; plain text, never HTML.
    pub name: String,
    /// Seed of the engine's random streams: same scenario + same seed = same run.
    pub seed: u64,
    pub regions: Vec<Region>,
    pub components: Vec<Component>,
    pub links: Vec<Link>,
    pub traffic: Traffic,
    /// The scripted fault timeline ("at 30 s zone a fails; at 90 s it recovers").
    pub faults: Vec<ScheduledFault>,
    pub run: RunSettings,
    /// New versions rolled out during the run.
    pub deployments: Vec<Deployment>,
    /// Alarms on metrics; they drive scaling and rollback.
    pub alarms: Vec<Alarm>,
}

impl Scenario {
    /// An empty scenario in the current format, with default traffic.
    pub fn empty(name: &str) -> Self {
        Scenario {
            version: FORMAT_VERSION,
            name: name.to_string(),
            seed: 1,
            regions: Vec::new(),
            components: Vec::new(),
            links: Vec::new(),
            traffic: Traffic::default(),
            faults: Vec::new(),
            run: RunSettings::default(),
            deployments: Vec::new(),
            alarms: Vec::new(),
        }
    }

    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    pub fn component_mut(&mut self, id: &str) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| c.id == id)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// True when `place` names a region of this scenario and a zone inside it.
    pub fn has_zone(&self, place: &Placement) -> bool {
        self.region(&place.region).is_some_and(|r| r.zones.iter().any(|z| z.name == place.zone))
    }

    /// A fresh component id with the given prefix ("app" -> "app-3"), unique in this scenario.
    pub fn fresh_id(&self, prefix: &str) -> String {
        (1..)
            .map(|n| format!("{prefix}-{n}"))
            .find(|id| self.component(id).is_none())
            .expect("an unbounded range always yields a free id")
    }
}

/// A cloud region taken from the catalog (`catalog::regions`), drawn as a large container.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// Catalog code, e.g. "ap-northeast-2" (Seoul). Latencies and prices come from it.
    pub code: String,
    /// Where the container is drawn, in canvas units. Zones split it into equal columns.
    pub rect: Rect,
    pub zones: Vec<Zone>,
}

/// An availability zone: an isolated failure domain inside a region.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    /// The zone letter as the cloud names it: "a", "b", "c".
    pub name: String,
}

/// Where a component lives: a zone of a region. Latency between two components follows from
/// their placements (same zone < cross-zone < cross-region).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Placement {
    pub region: String,
    pub zone: String,
}

impl Placement {
    pub fn new(region: &str, zone: &str) -> Self {
        Placement { region: region.to_string(), zone: zone.to_string() }
    }
}

/// An axis-aligned rectangle in canvas units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

impl Region {
    /// The rectangle of zone `i`: the region's body below its title bar, split into equal
    /// columns. Derived, not stored, so zones can never drift out of their region.
    pub fn zone_rect(&self, i: usize) -> Rect {
        const TITLE: f64 = 40.0;
        const PAD: f64 = 12.0;
        let n = self.zones.len().max(1) as f64;
        let inner_w = self.rect.w - PAD * (n + 1.0);
        let w = (inner_w / n).max(0.0);
        Rect {
            x: self.rect.x + PAD + i as f64 * (w + PAD),
            y: self.rect.y + TITLE,
            w,
            h: (self.rect.h - TITLE - PAD).max(0.0),
        }
    }
}

/// A directed connection: requests flow `from` -> `to`, responses come back the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: String,
    pub to: String,
    /// Fixed round-trip time for this link instead of the catalog's (and no jitter). Used by
    /// textbook scenarios and by "add latency" experiments.
    pub rtt_ms: Option<f64>,
}

/// How the lab runs the scenario; shared in links so a recipient sees the same run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSettings {
    /// Simulated seconds per real second in the browser (0.1 to 100).
    pub speed: f64,
    /// Length of a headless run and of lesson checks, in simulated seconds.
    pub duration_s: f64,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings { speed: 1.0, duration_s: 120.0 }
    }
}
