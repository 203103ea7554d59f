//! Operating the service: auto-scaling groups, deployments (strategy tagged by `"kind"`) and
//! alarms (metric and action tagged by `"kind"`).

use serde::{Deserialize, Serialize};

use super::tagged::{deserialize_tagged, fields, no_fields, Tagged};
use crate::model as m;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AutoScaling {
    pub min: u32,
    pub max: u32,
    pub target_cpu_pct: f64,
    pub boot_s: f64,
    pub warmup_s: f64,
    pub cooldown_s: f64,
}

model_default!(AutoScaling Version);

fn default_boot_s() -> f64 {
    m::DEFAULT_BOOT_S
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    pub at_s: f64,
    pub tier: String,
    pub strategy: Strategy,
    #[serde(default)]
    pub version: Version,
    #[serde(default = "default_boot_s")]
    pub boot_s: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollback_on: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Strategy {
    AllAtOnce,
    Rolling(Rolling),
    BlueGreen,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrategyTag {
    AllAtOnce,
    Rolling,
    BlueGreen,
}

impl<'de> Tagged<'de> for Strategy {
    const NAME: &'static str = "internally tagged enum Strategy";
    const TAG: &'static str = "kind";
    type Tag = StrategyTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: StrategyTag, rest: A) -> Result<Self, A::Error> {
        Ok(match tag {
            StrategyTag::AllAtOnce => no_fields(rest).map(|()| Strategy::AllAtOnce)?,
            StrategyTag::Rolling => Strategy::Rolling(fields(rest)?),
            StrategyTag::BlueGreen => no_fields(rest).map(|()| Strategy::BlueGreen)?,
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rolling {
    pub batch: u32,
    pub pause_s: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Version {
    pub error_rate: f64,
    pub extra_ms: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alarm {
    pub id: String,
    pub metric: AlarmMetric,
    pub above: bool,
    pub threshold: f64,
    pub period_s: f64,
    pub evaluation_periods: u32,
    #[serde(default)]
    pub action: AlarmAction,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlarmMetric {
    P95Ms,
    ErrorRatePct,
    CpuPct(OfComponent),
    Queue(OfComponent),
    Healthy(OfComponent),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlarmMetricTag {
    P95Ms,
    ErrorRatePct,
    CpuPct,
    Queue,
    Healthy,
}

impl<'de> Tagged<'de> for AlarmMetric {
    const NAME: &'static str = "internally tagged enum AlarmMetric";
    const TAG: &'static str = "kind";
    type Tag = AlarmMetricTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: AlarmMetricTag, rest: A) -> Result<Self, A::Error> {
        use AlarmMetricTag as T;
        Ok(match tag {
            T::P95Ms => no_fields(rest).map(|()| AlarmMetric::P95Ms)?,
            T::ErrorRatePct => no_fields(rest).map(|()| AlarmMetric::ErrorRatePct)?,
            T::CpuPct => AlarmMetric::CpuPct(fields(rest)?),
            T::Queue => AlarmMetric::Queue(fields(rest)?),
            T::Healthy => AlarmMetric::Healthy(fields(rest)?),
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfComponent {
    pub component: String,
}

#[derive(Serialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlarmAction {
    #[default]
    Notify,
    ScaleOut(Scale),
    ScaleIn(Scale),
    Rollback,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlarmActionTag {
    Notify,
    ScaleOut,
    ScaleIn,
    Rollback,
}

impl<'de> Tagged<'de> for AlarmAction {
    const NAME: &'static str = "internally tagged enum AlarmAction";
    const TAG: &'static str = "kind";
    type Tag = AlarmActionTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: AlarmActionTag, rest: A) -> Result<Self, A::Error> {
        use AlarmActionTag as T;
        Ok(match tag {
            T::Notify => no_fields(rest).map(|()| AlarmAction::Notify)?,
            T::ScaleOut => AlarmAction::ScaleOut(fields(rest)?),
            T::ScaleIn => AlarmAction::ScaleIn(fields(rest)?),
            T::Rollback => no_fields(rest).map(|()| AlarmAction::Rollback)?,
        })
    }
}

deserialize_tagged!(Strategy AlarmMetric AlarmAction);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub tier: String,
    pub step: u32,
}

impl From<&m::AutoScaling> for AutoScaling {
    fn from(a: &m::AutoScaling) -> Self {
        AutoScaling {
            min: a.min,
            max: a.max,
            target_cpu_pct: a.target_cpu_pct,
            boot_s: a.boot_s,
            warmup_s: a.warmup_s,
            cooldown_s: a.cooldown_s,
        }
    }
}

impl From<AutoScaling> for m::AutoScaling {
    fn from(a: AutoScaling) -> Self {
        m::AutoScaling {
            min: a.min,
            max: a.max,
            target_cpu_pct: a.target_cpu_pct,
            boot_s: a.boot_s,
            warmup_s: a.warmup_s,
            cooldown_s: a.cooldown_s,
        }
    }
}

impl From<&m::Deployment> for Deployment {
    fn from(d: &m::Deployment) -> Self {
        let strategy = match d.strategy {
            m::Strategy::AllAtOnce => Strategy::AllAtOnce,
            m::Strategy::Rolling { batch, pause_s } => Strategy::Rolling(Rolling { batch, pause_s }),
            m::Strategy::BlueGreen => Strategy::BlueGreen,
        };
        Deployment {
            at_s: d.at_s,
            tier: d.tier.clone(),
            strategy,
            version: (&d.version).into(),
            boot_s: d.boot_s,
            rollback_on: d.rollback_on.clone(),
        }
    }
}

impl From<Deployment> for m::Deployment {
    fn from(d: Deployment) -> Self {
        let strategy = match d.strategy {
            Strategy::AllAtOnce => m::Strategy::AllAtOnce,
            Strategy::Rolling(Rolling { batch, pause_s }) => m::Strategy::Rolling { batch, pause_s },
            Strategy::BlueGreen => m::Strategy::BlueGreen,
        };
        m::Deployment {
            at_s: d.at_s,
            tier: d.tier,
            strategy,
            version: d.version.into(),
            boot_s: d.boot_s,
            rollback_on: d.rollback_on,
        }
    }
}

impl From<&m::Version> for Version {
    fn from(v: &m::Version) -> Self {
        Version { error_rate: v.error_rate, extra_ms: v.extra_ms }
    }
}

impl From<Version> for m::Version {
    fn from(v: Version) -> Self {
        m::Version { error_rate: v.error_rate, extra_ms: v.extra_ms }
    }
}

impl From<&m::Alarm> for Alarm {
    fn from(a: &m::Alarm) -> Self {
        let component = |c: &String| OfComponent { component: c.clone() };
        let metric = match &a.metric {
            m::AlarmMetric::P95Ms => AlarmMetric::P95Ms,
            m::AlarmMetric::ErrorRatePct => AlarmMetric::ErrorRatePct,
            m::AlarmMetric::CpuPct { component: c } => AlarmMetric::CpuPct(component(c)),
            m::AlarmMetric::Queue { component: c } => AlarmMetric::Queue(component(c)),
            m::AlarmMetric::Healthy { component: c } => AlarmMetric::Healthy(component(c)),
        };
        let scale = |tier: &String, step: u32| Scale { tier: tier.clone(), step };
        let action = match &a.action {
            m::AlarmAction::Notify => AlarmAction::Notify,
            m::AlarmAction::ScaleOut { tier, step } => AlarmAction::ScaleOut(scale(tier, *step)),
            m::AlarmAction::ScaleIn { tier, step } => AlarmAction::ScaleIn(scale(tier, *step)),
            m::AlarmAction::Rollback => AlarmAction::Rollback,
        };
        Alarm {
            id: a.id.clone(),
            metric,
            above: a.above,
            threshold: a.threshold,
            period_s: a.period_s,
            evaluation_periods: a.evaluation_periods,
            action,
        }
    }
}

impl From<Alarm> for m::Alarm {
    fn from(a: Alarm) -> Self {
        let metric = match a.metric {
            AlarmMetric::P95Ms => m::AlarmMetric::P95Ms,
            AlarmMetric::ErrorRatePct => m::AlarmMetric::ErrorRatePct,
            AlarmMetric::CpuPct(c) => m::AlarmMetric::CpuPct { component: c.component },
            AlarmMetric::Queue(c) => m::AlarmMetric::Queue { component: c.component },
            AlarmMetric::Healthy(c) => m::AlarmMetric::Healthy { component: c.component },
        };
        let action = match a.action {
            AlarmAction::Notify => m::AlarmAction::Notify,
            AlarmAction::ScaleOut(s) => m::AlarmAction::ScaleOut { tier: s.tier, step: s.step },
            AlarmAction::ScaleIn(s) => m::AlarmAction::ScaleIn { tier: s.tier, step: s.step },
            AlarmAction::Rollback => m::AlarmAction::Rollback,
        };
        m::Alarm {
            id: a.id,
            metric,
            above: a.above,
            threshold: a.threshold,
            period_s: a.period_s,
            evaluation_periods: a.evaluation_periods,
            action,
        }
    }
}
