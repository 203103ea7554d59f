//! The forms of the operating parts: an alarm and a deployment as the user typed them.
//!
//! A form holds text, so nothing is lost while it is wrong: [`AlarmForm::parse`] and
//! [`DeployForm::parse`] turn it into model data or into one [`FieldError`] per wrong field
//! (keyed by the field, shown next to it). Saving is `operate.rs`'s business.

use super::{FieldError, Reason};
use crate::model::Esc;
use crate::model::{
    Alarm, AlarmAction, AlarmMetric, AppServer, Deployment, Kind, Scenario, Strategy, Version, LIMITS,
};

/// Alarm metrics, by form value; the last three read a component.
pub const METRICS: &[&str] = &["p95_ms", "error_rate_pct", "cpu_pct", "queue", "healthy"];
pub const ACTIONS: &[&str] = &["notify", "scale_out", "scale_in", "rollback"];
pub const STRATEGIES: &[&str] = &["all_at_once", "rolling", "blue_green"];

fn err(key: &str, reason: Reason) -> FieldError {
    FieldError { key: key.to_string(), reason }
}

/// The refusal shown for text that is not a usable number.
pub(super) fn number_reason(e: super::NumberError) -> Reason {
    match e {
        super::NumberError::NotANumber => Reason::EnterNumber,
        super::NumberError::NotFinite => Reason::Finite,
    }
}

/// A finite number in `lo..=hi` typed into field `key`.
fn number(key: &str, text: &str, lo: f64, hi: f64, errs: &mut Vec<FieldError>) -> f64 {
    match super::parse_decimal(text) {
        Ok(x) if x < lo || x > hi => errs.push(err(key, Reason::Between { min: lo, max: hi })),
        Ok(x) => return x,
        Err(e) => errs.push(err(key, number_reason(e))),
    }
    0.0
}

/// A whole number in `lo..=hi` typed into field `key`.
fn whole(key: &str, text: &str, lo: u32, hi: u32, errs: &mut Vec<FieldError>) -> u32 {
    match text.trim().parse::<u32>() {
        Ok(n) if n >= lo && n <= hi => return n,
        Ok(_) => errs.push(err(key, Reason::Between { min: lo.into(), max: hi.into() })),
        Err(_) => errs.push(err(key, Reason::WholeFrom { min: lo, max: hi })),
    }
    0
}

fn fmt(x: f64) -> String {
    ((x * 1e9).round() / 1e9).to_string()
}

fn is_app(s: &Scenario, id: &str) -> bool {
    matches!(s.component(id).map(|c| &c.kind), Some(Kind::AppServer(_)))
}

fn is_group(s: &Scenario, id: &str) -> bool {
    matches!(s.component(id).map(|c| &c.kind), Some(Kind::AppServer(AppServer { autoscaling: Some(_), .. })))
}

/// Ids of the app tiers, in scenario order (the deployment form's and the actions' choices).
pub fn app_tiers(s: &Scenario) -> Vec<String> {
    s.components.iter().filter(|c| matches!(c.kind, Kind::AppServer(_))).map(|c| c.id.clone()).collect()
}

/// Whether a blue/green deployment of `tier` can start in a run of `s` without a restart: the
/// engine reserves a second fleet's host slots when the run starts, for the tiers that have a
/// blue/green deployment in the scenario (`Sim::deploy` refuses the others).
pub fn blue_green_ready(s: &Scenario, tier: &str) -> bool {
    s.deployments.iter().any(|d| d.tier == tier && matches!(d.strategy, Strategy::BlueGreen))
}

/// An alarm as its form shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AlarmForm {
    pub id: String,
    /// One of [`METRICS`].
    pub metric: String,
    /// The component a CPU, queue or healthy-hosts metric reads.
    pub component: String,
    pub above: bool,
    pub threshold: String,
    pub period_s: String,
    pub evaluation_periods: String,
    /// One of [`ACTIONS`].
    pub action: String,
    /// The tier a scaling action scales, and by how many servers.
    pub tier: String,
    pub step: String,
}

impl AlarmForm {
    /// A new alarm for `s`: p95 above 500 ms for 3 periods of 60 s (CloudWatch's 1-minute
    /// metrics), with a fresh id.
    pub fn new_for(s: &Scenario) -> Self {
        let id = (1..)
            .map(|n| format!("alarm-{n}"))
            .find(|id| s.alarms.iter().all(|a| &a.id != id))
            .expect("an unbounded range always yields a free id");
        let first = s.components.first().map(|c| c.id.clone()).unwrap_or_default();
        let tier = app_tiers(s).into_iter().next().unwrap_or_default();
        AlarmForm {
            id,
            metric: "p95_ms".into(),
            component: first,
            above: true,
            threshold: "500".into(),
            period_s: "60".into(),
            evaluation_periods: "3".into(),
            action: "notify".into(),
            tier,
            step: "1".into(),
        }
    }

    pub fn from_alarm(a: &Alarm, s: &Scenario) -> Self {
        let mut f = AlarmForm::new_for(s);
        f.id = a.id.clone();
        f.metric = match &a.metric {
            AlarmMetric::P95Ms => "p95_ms",
            AlarmMetric::ErrorRatePct => "error_rate_pct",
            AlarmMetric::CpuPct { .. } => "cpu_pct",
            AlarmMetric::Queue { .. } => "queue",
            AlarmMetric::Healthy { .. } => "healthy",
        }
        .into();
        if let AlarmMetric::CpuPct { component }
        | AlarmMetric::Queue { component }
        | AlarmMetric::Healthy { component } = &a.metric
        {
            f.component = component.clone();
        }
        f.above = a.above;
        f.threshold = fmt(a.threshold);
        f.period_s = fmt(a.period_s);
        f.evaluation_periods = a.evaluation_periods.to_string();
        f.action = match &a.action {
            AlarmAction::Notify => "notify",
            AlarmAction::ScaleOut { .. } => "scale_out",
            AlarmAction::ScaleIn { .. } => "scale_in",
            AlarmAction::Rollback => "rollback",
        }
        .into();
        if let AlarmAction::ScaleOut { tier, step } | AlarmAction::ScaleIn { tier, step } = &a.action {
            f.tier = tier.clone();
            f.step = step.to_string();
        }
        f
    }

    /// Whether the chosen metric reads a component (the form then shows its drop-down).
    pub fn reads_component(&self) -> bool {
        matches!(self.metric.as_str(), "cpu_pct" | "queue" | "healthy")
    }

    pub fn scales(&self) -> bool {
        matches!(self.action.as_str(), "scale_out" | "scale_in")
    }

    /// The alarm, or every wrong field with why.
    pub fn parse(&self, s: &Scenario) -> Result<Alarm, Vec<FieldError>> {
        let mut errs = Vec::new();
        let id = self.id.trim();
        let id_ok = !id.is_empty()
            && id.len() <= 32
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !id_ok {
            errs.push(err("id", Reason::BadId));
        }
        let component = self.component.clone();
        if self.reads_component() && s.component(&component).is_none() {
            errs.push(err("component", Reason::NoComponent(component.esc())));
        }
        let metric = match self.metric.as_str() {
            "p95_ms" => AlarmMetric::P95Ms,
            "error_rate_pct" => AlarmMetric::ErrorRatePct,
            "cpu_pct" => AlarmMetric::CpuPct { component },
            "queue" => AlarmMetric::Queue { component },
            "healthy" => AlarmMetric::Healthy { component },
            _ => {
                errs.push(err("metric", Reason::PickMetric));
                AlarmMetric::P95Ms
            }
        };
        let threshold = number("threshold", &self.threshold, -1e9, 1e9, &mut errs);
        let period_s = number("period_s", &self.period_s, 1.0, 3600.0, &mut errs);
        let evaluation_periods = whole("evaluation_periods", &self.evaluation_periods, 1, 100, &mut errs);
        let action = match self.action.as_str() {
            "notify" => AlarmAction::Notify,
            "rollback" => AlarmAction::Rollback,
            "scale_out" | "scale_in" => {
                let tier = self.tier.clone();
                if !is_app(s, &tier) {
                    errs.push(err("tier", Reason::NotApp(tier.esc())));
                } else if !is_group(s, &tier) {
                    errs.push(err("tier", Reason::NotGroup(tier.clone())));
                }
                let step = whole("step", &self.step, 1, LIMITS.count, &mut errs);
                if self.action == "scale_out" {
                    AlarmAction::ScaleOut { tier, step }
                } else {
                    AlarmAction::ScaleIn { tier, step }
                }
            }
            _ => {
                errs.push(err("action", Reason::PickAction));
                AlarmAction::Notify
            }
        };
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Alarm {
            id: id.to_string(),
            metric,
            above: self.above,
            threshold,
            period_s,
            evaluation_periods,
            action,
        })
    }
}

/// A deployment as its form shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeployForm {
    pub tier: String,
    /// One of [`STRATEGIES`].
    pub strategy: String,
    pub batch: String,
    pub pause_s: String,
    pub boot_s: String,
    /// The version's error rate in percent, and its extra latency.
    pub error_pct: String,
    pub extra_ms: String,
    /// Alarm id, or empty for none.
    pub rollback_on: String,
    /// When to schedule it.
    pub at_s: String,
}

impl DeployForm {
    /// A rolling deployment of a good version, one server at a time, on the first app tier.
    pub fn new_for(s: &Scenario) -> Self {
        DeployForm {
            tier: app_tiers(s).into_iter().next().unwrap_or_default(),
            strategy: "rolling".into(),
            batch: "1".into(),
            pause_s: "0".into(),
            boot_s: "30".into(),
            error_pct: "0".into(),
            extra_ms: "0".into(),
            rollback_on: String::new(),
            at_s: "60".into(),
        }
    }

    pub fn from_deployment(d: &Deployment, s: &Scenario) -> Self {
        let mut f = DeployForm::new_for(s);
        f.tier = d.tier.clone();
        f.strategy = match d.strategy {
            Strategy::AllAtOnce => "all_at_once",
            Strategy::Rolling { .. } => "rolling",
            Strategy::BlueGreen => "blue_green",
        }
        .into();
        if let Strategy::Rolling { batch, pause_s } = d.strategy {
            f.batch = batch.to_string();
            f.pause_s = fmt(pause_s);
        }
        f.boot_s = fmt(d.boot_s);
        f.error_pct = fmt(d.version.error_rate * 100.0);
        f.extra_ms = fmt(d.version.extra_ms);
        f.rollback_on = d.rollback_on.clone().unwrap_or_default();
        f.at_s = fmt(d.at_s);
        f
    }

    /// The deployment at `at_s`, or (`None`) at the time typed into the form; or every wrong
    /// field with why.
    pub fn parse(&self, s: &Scenario, at_s: Option<f64>) -> Result<Deployment, Vec<FieldError>> {
        let mut errs = Vec::new();
        if !is_app(s, &self.tier) {
            errs.push(err("tier", Reason::NotApp(self.tier.esc())));
        }
        let at_s = at_s.unwrap_or_else(|| number("at_s", &self.at_s, 0.0, LIMITS.duration_s, &mut errs));
        let strategy = match self.strategy.as_str() {
            "all_at_once" => Strategy::AllAtOnce,
            "blue_green" => Strategy::BlueGreen,
            "rolling" => Strategy::Rolling {
                batch: whole("batch", &self.batch, 1, LIMITS.count, &mut errs),
                pause_s: number("pause_s", &self.pause_s, 0.0, 3600.0, &mut errs),
            },
            _ => {
                errs.push(err("strategy", Reason::PickStrategy));
                Strategy::AllAtOnce
            }
        };
        let boot_s = number("boot_s", &self.boot_s, 0.0, 3600.0, &mut errs);
        let error_rate = number("error_pct", &self.error_pct, 0.0, 100.0, &mut errs) / 100.0;
        let extra_ms = number("extra_ms", &self.extra_ms, 0.0, LIMITS.service_ms, &mut errs);
        let rollback_on = match self.rollback_on.trim() {
            "" => None,
            a if s.alarms.iter().any(|x| x.id == a) => Some(a.to_string()),
            a => {
                errs.push(err("rollback_on", Reason::NoAlarm(a.esc())));
                None
            }
        };
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Deployment {
            at_s,
            tier: self.tier.clone(),
            strategy,
            version: Version { error_rate, extra_ms },
            boot_s,
            rollback_on,
        })
    }
}
