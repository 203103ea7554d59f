//! CloudWatch-style alarms, evaluated at the end of each period from the per-second data.
//!
//! Periods are whole simulated seconds aligned on time 0 (`period_s` rounded, at least 1).
//! A period's datapoint: p95 of the requests completed in it (none completed: no data); the
//! error rate of the requests that ended in it (none ended: no data); a component's mean busy
//! percent or queue length over it; its healthy hosts at the end of it (an app tier: hosts in
//! service and up; a balancer: healthy targets; anything else 1 or 0). The state is ALARM
//! exactly when the last `evaluation_periods` datapoints all breached, OK otherwise, and
//! INSUFFICIENT_DATA after a period without data (which also restarts the count), as
//! CloudWatch with "missing data: missing" and M = N. Every change is logged. Entering ALARM
//! runs the action (and rolls back the deployments that name the alarm); a scaling action runs
//! again at each further period in ALARM, as EC2 Auto Scaling re-invokes its policy, subject to
//! the group's cooldown.

use hdrhistogram::Histogram;

use crate::model::{Alarm, AlarmAction, AlarmMetric};

use super::fleet::Life;
use super::log::{LogKind, ScaleReason};
use super::metrics::SecondStats;
use super::recorder::histogram;
use super::sim::Sim;
use super::topology::Role;

/// The state of an alarm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlarmState {
    Ok,
    Alarm,
    InsufficientData,
}

/// An alarm as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AlarmView {
    pub id: String,
    pub state: AlarmState,
    /// The last period's datapoint (None: no data yet or in that period).
    pub value: Option<f64>,
    /// Consecutive breaching periods so far, and how many fire it.
    pub breaching: u32,
    pub evaluation_periods: u32,
}

pub(super) struct AlarmRun {
    pub spec: Alarm,
    /// The component its metric reads (scenario index), and the tier its action scales.
    comp: usize,
    tier: Option<usize>,
    period: u64,
    pub state: AlarmState,
    pub value: Option<f64>,
    pub streak: u32,
    completed: u64,
    ended: u64,
    sum: f64,
    seconds: u32,
    hist: Option<Histogram<u64>>,
}

impl AlarmRun {
    pub fn new(
        spec: &Alarm,
        index_of: impl Fn(&str) -> Option<usize>,
        tier_of: impl Fn(&str) -> Option<usize>,
    ) -> Self {
        let comp = match &spec.metric {
            AlarmMetric::CpuPct { component }
            | AlarmMetric::Queue { component }
            | AlarmMetric::Healthy { component } => index_of(component).unwrap_or(0),
            _ => 0,
        };
        let tier = match &spec.action {
            AlarmAction::ScaleOut { tier, .. } | AlarmAction::ScaleIn { tier, .. } => tier_of(tier),
            _ => None,
        };
        AlarmRun {
            spec: spec.clone(),
            comp,
            tier,
            period: (libm::round(spec.period_s) as u64).max(1),
            state: AlarmState::InsufficientData,
            value: None,
            streak: 0,
            completed: 0,
            ended: 0,
            sum: 0.0,
            seconds: 0,
            hist: matches!(spec.metric, AlarmMetric::P95Ms).then(histogram),
        }
    }

    fn add_second(&mut self, row: &SecondStats, closed: &Histogram<u64>) {
        self.completed += row.completed;
        self.ended += row.completed + row.errors.total();
        self.seconds += 1;
        match &self.spec.metric {
            AlarmMetric::CpuPct { .. } => {
                // CloudWatch's CPUUtilization: busy cores, not busy processes.
                self.sum += row.cpu_utilization.get(self.comp).map_or(0.0, |&u| u as f64 * 100.0)
            }
            AlarmMetric::Queue { .. } => self.sum += row.queue.get(self.comp).map_or(0.0, |&q| q as f64),
            _ => {}
        }
        if let Some(h) = self.hist.as_mut() {
            // Both histograms have the same bounds, so adding cannot fail.
            let _ = h.add(closed);
        }
    }

    fn take_value(&mut self, healthy: f64) -> Option<f64> {
        let v = match &self.spec.metric {
            AlarmMetric::P95Ms => self
                .hist
                .as_ref()
                .filter(|h| !h.is_empty())
                .map(|h| h.value_at_quantile(0.95) as f64 / 1000.0),
            AlarmMetric::ErrorRatePct => {
                (self.ended > 0).then(|| (self.ended - self.completed) as f64 * 100.0 / self.ended as f64)
            }
            AlarmMetric::CpuPct { .. } | AlarmMetric::Queue { .. } => {
                Some(self.sum / self.seconds.max(1) as f64)
            }
            AlarmMetric::Healthy { .. } => Some(healthy),
        };
        self.completed = 0;
        self.ended = 0;
        self.sum = 0.0;
        self.seconds = 0;
        if let Some(h) = self.hist.as_mut() {
            h.reset();
        }
        v
    }
}

impl Sim {
    /// Called at the end of every simulated second `second` (its start, in seconds).
    pub(super) fn alarms_second(&mut self, second: u64) {
        let Some(row) = self.obs.rec.last_second.as_ref() else { return };
        for al in &mut self.ops.alarms {
            al.add_second(row, &self.obs.rec.closed_hist);
        }
        for i in 0..self.ops.alarms.len() {
            if (second + 1).is_multiple_of(self.ops.alarms[i].period) {
                self.evaluate_alarm(i);
            }
        }
    }

    fn healthy_of(&self, c: usize) -> f64 {
        match self.topo.comps[c].role {
            Role::App(a) => self
                .tiers
                .slots(a as usize)
                .filter(|&h| self.tiers.hosts[h].up && self.tiers.hosts[h].life == Life::InService)
                .count() as f64,
            Role::Lb(l) if self.topo.comp_up(c) => self.ingress.lbs[l as usize].healthy as f64,
            Role::Db(d) => f64::from(u8::from(self.data.dbs[d as usize].up)),
            _ => f64::from(u8::from(self.topo.comp_up(c))),
        }
    }

    fn evaluate_alarm(&mut self, i: usize) {
        let healthy = self.healthy_of(self.ops.alarms[i].comp);
        let al = &mut self.ops.alarms[i];
        let value = al.take_value(healthy);
        al.value = value;
        let from = al.state;
        let to = match value {
            None => {
                al.streak = 0;
                AlarmState::InsufficientData
            }
            Some(v) => {
                let breach = if al.spec.above { v > al.spec.threshold } else { v < al.spec.threshold };
                al.streak = if breach { al.streak + 1 } else { 0 };
                if al.streak >= al.spec.evaluation_periods {
                    AlarmState::Alarm
                } else {
                    AlarmState::Ok
                }
            }
        };
        al.state = to;
        let id = al.spec.id.clone();
        if from != to {
            let value = value.unwrap_or(0.0);
            self.note(None, LogKind::AlarmStateChanged { alarm: id.clone(), from, to, value });
        }
        if to != AlarmState::Alarm {
            return;
        }
        let tier = self.ops.alarms[i].tier;
        let reason = ScaleReason::Alarm { alarm: id.clone() };
        match (self.ops.alarms[i].spec.action.clone(), tier) {
            (AlarmAction::ScaleOut { step, .. }, Some(a)) => {
                let size = self.tiers.group_size(a);
                self.scale_to(a, size + step, reason);
            }
            (AlarmAction::ScaleIn { step, .. }, Some(a)) => {
                let size = self.tiers.group_size(a);
                self.scale_to(a, size.saturating_sub(step), reason);
            }
            _ => {}
        }
        if from != to {
            self.rollback_on_alarm(&id);
        }
    }

    /// Every alarm's state, in scenario order.
    pub fn alarms(&self) -> Vec<AlarmView> {
        self.ops
            .alarms
            .iter()
            .map(|a| AlarmView {
                id: a.spec.id.clone(),
                state: a.state,
                value: a.value,
                breaching: a.streak,
                evaluation_periods: a.spec.evaluation_periods,
            })
            .collect()
    }
}
