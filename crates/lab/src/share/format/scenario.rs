//! The scenario's top level and its places: regions, zones, links, run settings.

use serde::{Deserialize, Serialize};

use super::{Alarm, Component, Deployment, ScheduledFault, Traffic};
use crate::model as m;

/// A whole scenario. `version`, `regions`, `components` and `traffic` are required; the rest
/// may be left out (a link leaves out what equals its default).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub seed: u64,
    pub regions: Vec<Region>,
    pub components: Vec<Component>,
    #[serde(default)]
    pub links: Vec<Link>,
    pub traffic: Traffic,
    #[serde(default)]
    pub faults: Vec<ScheduledFault>,
    #[serde(default)]
    pub run: RunSettings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deployments: Vec<Deployment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alarms: Vec<Alarm>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub code: String,
    pub rect: Rect,
    pub zones: Vec<Zone>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub name: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub region: String,
    pub zone: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rtt_ms: Option<f64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RunSettings {
    pub speed: f64,
    pub duration_s: f64,
}

model_default!(RunSettings);

/// `items` converted one by one.
pub(super) fn all<'a, A: 'a, B: From<&'a A>>(items: &'a [A]) -> Vec<B> {
    items.iter().map(B::from).collect()
}

/// `items` converted one by one, by value.
pub(super) fn into_all<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(B::from).collect()
}

impl From<&m::Scenario> for Scenario {
    fn from(s: &m::Scenario) -> Self {
        Scenario {
            version: s.version,
            name: s.name.clone(),
            seed: s.seed,
            regions: all(&s.regions),
            components: all(&s.components),
            links: all(&s.links),
            traffic: (&s.traffic).into(),
            faults: all(&s.faults),
            run: (&s.run).into(),
            deployments: all(&s.deployments),
            alarms: all(&s.alarms),
        }
    }
}

impl From<Scenario> for m::Scenario {
    fn from(s: Scenario) -> Self {
        m::Scenario {
            version: s.version,
            name: s.name,
            seed: s.seed,
            regions: into_all(s.regions),
            components: into_all(s.components),
            links: into_all(s.links),
            traffic: s.traffic.into(),
            faults: into_all(s.faults),
            run: s.run.into(),
            deployments: into_all(s.deployments),
            alarms: into_all(s.alarms),
        }
    }
}

impl From<&m::Region> for Region {
    fn from(r: &m::Region) -> Self {
        Region { code: r.code.clone(), rect: (&r.rect).into(), zones: all(&r.zones) }
    }
}

impl From<Region> for m::Region {
    fn from(r: Region) -> Self {
        m::Region { code: r.code, rect: r.rect.into(), zones: into_all(r.zones) }
    }
}

impl From<&m::Zone> for Zone {
    fn from(z: &m::Zone) -> Self {
        Zone { name: z.name.clone() }
    }
}

impl From<Zone> for m::Zone {
    fn from(z: Zone) -> Self {
        m::Zone { name: z.name }
    }
}

impl From<&m::Placement> for Placement {
    fn from(p: &m::Placement) -> Self {
        Placement { region: p.region.clone(), zone: p.zone.clone() }
    }
}

impl From<Placement> for m::Placement {
    fn from(p: Placement) -> Self {
        m::Placement { region: p.region, zone: p.zone }
    }
}

impl From<&m::Rect> for Rect {
    fn from(r: &m::Rect) -> Self {
        Rect { x: r.x, y: r.y, w: r.w, h: r.h }
    }
}

impl From<Rect> for m::Rect {
    fn from(r: Rect) -> Self {
        m::Rect { x: r.x, y: r.y, w: r.w, h: r.h }
    }
}

impl From<&m::Link> for Link {
    fn from(l: &m::Link) -> Self {
        Link { from: l.from.clone(), to: l.to.clone(), rtt_ms: l.rtt_ms }
    }
}

impl From<Link> for m::Link {
    fn from(l: Link) -> Self {
        m::Link { from: l.from, to: l.to, rtt_ms: l.rtt_ms }
    }
}

impl From<&m::RunSettings> for RunSettings {
    fn from(r: &m::RunSettings) -> Self {
        RunSettings { speed: r.speed, duration_s: r.duration_s }
    }
}

impl From<RunSettings> for m::RunSettings {
    fn from(r: RunSettings) -> Self {
        m::RunSettings { speed: r.speed, duration_s: r.duration_s }
    }
}
