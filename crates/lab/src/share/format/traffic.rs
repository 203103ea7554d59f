//! The offered load: a base rate, a pattern over time (tagged by `"kind"`) and arrivals.

use serde::{Deserialize, Serialize};

use super::named;
use super::tagged::{deserialize_tagged, fields, no_fields, Tagged};
use crate::model as m;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Traffic {
    pub rate_rps: f64,
    pub pattern: Pattern,
    #[serde(with = "named")]
    pub arrivals: m::Arrivals,
}

model_default!(Traffic);

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Pattern {
    Steady,
    Ramp(Ramp),
    Spike(Spike),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternTag {
    Steady,
    Ramp,
    Spike,
}

impl<'de> Tagged<'de> for Pattern {
    const NAME: &'static str = "internally tagged enum Pattern";
    const TAG: &'static str = "kind";
    type Tag = PatternTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: PatternTag, rest: A) -> Result<Self, A::Error> {
        Ok(match tag {
            PatternTag::Steady => no_fields(rest).map(|()| Pattern::Steady)?,
            PatternTag::Ramp => Pattern::Ramp(fields(rest)?),
            PatternTag::Spike => Pattern::Spike(fields(rest)?),
        })
    }
}

deserialize_tagged!(Pattern);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ramp {
    pub to_rps: f64,
    pub over_s: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spike {
    pub at_s: f64,
    pub for_s: f64,
    pub factor: f64,
}

impl From<&m::Traffic> for Traffic {
    fn from(t: &m::Traffic) -> Self {
        Traffic { rate_rps: t.rate_rps, pattern: (&t.pattern).into(), arrivals: t.arrivals }
    }
}

impl From<Traffic> for m::Traffic {
    fn from(t: Traffic) -> Self {
        m::Traffic { rate_rps: t.rate_rps, pattern: t.pattern.into(), arrivals: t.arrivals }
    }
}

impl From<&m::Pattern> for Pattern {
    fn from(p: &m::Pattern) -> Self {
        match *p {
            m::Pattern::Steady => Pattern::Steady,
            m::Pattern::Ramp { to_rps, over_s } => Pattern::Ramp(Ramp { to_rps, over_s }),
            m::Pattern::Spike { at_s, for_s, factor } => Pattern::Spike(Spike { at_s, for_s, factor }),
        }
    }
}

impl From<Pattern> for m::Pattern {
    fn from(p: Pattern) -> Self {
        match p {
            Pattern::Steady => m::Pattern::Steady,
            Pattern::Ramp(Ramp { to_rps, over_s }) => m::Pattern::Ramp { to_rps, over_s },
            Pattern::Spike(Spike { at_s, for_s, factor }) => m::Pattern::Spike { at_s, for_s, factor },
        }
    }
}
