//! The scripted fault timeline: at a time, an action (tagged by `"do"`) on a target (tagged by
//! `"kind"`) or between two zones.

use serde::{Deserialize, Serialize};

use super::tagged::{deserialize_tagged, fields, Tagged};
use super::Placement;
use crate::model as m;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledFault {
    pub at_s: f64,
    pub action: FaultAction,
}

#[derive(Serialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum FaultAction {
    Kill(OnTarget),
    Revive(OnTarget),
    AddLatency(Latency),
    ClearLatency(Between),
    Partition(Between),
    Heal(Between),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultActionTag {
    Kill,
    Revive,
    AddLatency,
    ClearLatency,
    Partition,
    Heal,
}

impl<'de> Tagged<'de> for FaultAction {
    const NAME: &'static str = "internally tagged enum FaultAction";
    const TAG: &'static str = "do";
    type Tag = FaultActionTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: FaultActionTag, rest: A) -> Result<Self, A::Error> {
        use FaultActionTag as T;
        Ok(match tag {
            T::Kill => FaultAction::Kill(fields(rest)?),
            T::Revive => FaultAction::Revive(fields(rest)?),
            T::AddLatency => FaultAction::AddLatency(fields(rest)?),
            T::ClearLatency => FaultAction::ClearLatency(fields(rest)?),
            T::Partition => FaultAction::Partition(fields(rest)?),
            T::Heal => FaultAction::Heal(fields(rest)?),
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnTarget {
    pub target: Target,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Latency {
    pub a: Placement,
    pub b: Placement,
    pub ms: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Between {
    pub a: Placement,
    pub b: Placement,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    Component(ComponentTarget),
    Server(ServerTarget),
    Process(ProcessTarget),
    Zone(Placement),
    Region(RegionTarget),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetTag {
    Component,
    Server,
    Process,
    Zone,
    Region,
}

impl<'de> Tagged<'de> for Target {
    const NAME: &'static str = "internally tagged enum Target";
    const TAG: &'static str = "kind";
    type Tag = TargetTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: TargetTag, rest: A) -> Result<Self, A::Error> {
        Ok(match tag {
            TargetTag::Component => Target::Component(fields(rest)?),
            TargetTag::Server => Target::Server(fields(rest)?),
            TargetTag::Process => Target::Process(fields(rest)?),
            TargetTag::Zone => Target::Zone(fields(rest)?),
            TargetTag::Region => Target::Region(fields(rest)?),
        })
    }
}

deserialize_tagged!(FaultAction Target);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentTarget {
    pub id: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerTarget {
    pub id: String,
    pub index: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessTarget {
    pub id: String,
    pub server: u32,
    pub index: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionTarget {
    pub region: String,
}

impl From<&m::ScheduledFault> for ScheduledFault {
    fn from(f: &m::ScheduledFault) -> Self {
        ScheduledFault { at_s: f.at_s, action: (&f.action).into() }
    }
}

impl From<ScheduledFault> for m::ScheduledFault {
    fn from(f: ScheduledFault) -> Self {
        m::ScheduledFault { at_s: f.at_s, action: f.action.into() }
    }
}

fn between(a: &m::Placement, b: &m::Placement) -> Between {
    Between { a: a.into(), b: b.into() }
}

impl From<&m::FaultAction> for FaultAction {
    fn from(f: &m::FaultAction) -> Self {
        use m::FaultAction as M;
        match f {
            M::Kill { target } => FaultAction::Kill(OnTarget { target: target.into() }),
            M::Revive { target } => FaultAction::Revive(OnTarget { target: target.into() }),
            M::AddLatency { a, b, ms } => {
                FaultAction::AddLatency(Latency { a: a.into(), b: b.into(), ms: *ms })
            }
            M::ClearLatency { a, b } => FaultAction::ClearLatency(between(a, b)),
            M::Partition { a, b } => FaultAction::Partition(between(a, b)),
            M::Heal { a, b } => FaultAction::Heal(between(a, b)),
        }
    }
}

impl From<FaultAction> for m::FaultAction {
    fn from(f: FaultAction) -> Self {
        use m::FaultAction as M;
        match f {
            FaultAction::Kill(t) => M::Kill { target: t.target.into() },
            FaultAction::Revive(t) => M::Revive { target: t.target.into() },
            FaultAction::AddLatency(l) => M::AddLatency { a: l.a.into(), b: l.b.into(), ms: l.ms },
            FaultAction::ClearLatency(z) => M::ClearLatency { a: z.a.into(), b: z.b.into() },
            FaultAction::Partition(z) => M::Partition { a: z.a.into(), b: z.b.into() },
            FaultAction::Heal(z) => M::Heal { a: z.a.into(), b: z.b.into() },
        }
    }
}

impl From<&m::Target> for Target {
    fn from(t: &m::Target) -> Self {
        use m::Target as M;
        match t {
            M::Component { id } => Target::Component(ComponentTarget { id: id.clone() }),
            M::Server { id, index } => Target::Server(ServerTarget { id: id.clone(), index: *index }),
            M::Process { id, server, index } => {
                Target::Process(ProcessTarget { id: id.clone(), server: *server, index: *index })
            }
            M::Zone { region, zone } => {
                Target::Zone(Placement { region: region.clone(), zone: zone.clone() })
            }
            M::Region { region } => Target::Region(RegionTarget { region: region.clone() }),
        }
    }
}

impl From<Target> for m::Target {
    fn from(t: Target) -> Self {
        use m::Target as M;
        match t {
            Target::Component(c) => M::Component { id: c.id },
            Target::Server(s) => M::Server { id: s.id, index: s.index },
            Target::Process(p) => M::Process { id: p.id, server: p.server, index: p.index },
            Target::Zone(z) => M::Zone { region: z.region, zone: z.zone },
            Target::Region(r) => M::Region { region: r.region },
        }
    }
}
