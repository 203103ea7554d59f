//! Validation of the operating parts of a scenario: auto-scaling, deployments, alarms.

use super::seen::Seen;
use super::validate::Checker;
use super::*;

impl Checker {
    pub(super) fn operate(&mut self, s: &Scenario) {
        for c in &s.components {
            if let Kind::AppServer(AppServer { autoscaling: Some(a), count, .. }) = &c.kind {
                self.autoscaling(&c.id, a, *count);
            }
        }
        let mut alarm_ids = Seen::default();
        for a in &s.alarms {
            alarm_ids.insert(a.id.as_str());
        }
        if s.deployments.len() > 50 {
            self.err("deployments", Problem::TooManyDeployments(50));
        }
        for (i, d) in s.deployments.iter().enumerate() {
            let p = format!("deployments.{i}");
            self.range(&p, "at_s", d.at_s, 0.0, LIMITS.duration_s);
            if !is_app(s, &d.tier) {
                self.err_at(&p, "tier", Problem::NotAnAppServer(d.tier.esc()));
            }
            if let Strategy::Rolling { batch, pause_s } = d.strategy {
                self.int(&p, "strategy.batch", batch, 1, LIMITS.count);
                self.range(&p, "strategy.pause_s", pause_s, 0.0, 3600.0);
            }
            self.range(&p, "boot_s", d.boot_s, 0.0, 3600.0);
            self.range(&p, "version.error_rate", d.version.error_rate, 0.0, 1.0);
            self.range(&p, "version.extra_ms", d.version.extra_ms, 0.0, LIMITS.service_ms);
            if let Some(a) = &d.rollback_on {
                if !alarm_ids.contains(a.as_str()) {
                    self.err_at(&p, "rollback_on", Problem::NoSuchAlarm(a.esc()));
                }
            }
        }
        if s.alarms.len() > 50 {
            self.err("alarms", Problem::TooManyAlarms(50));
            return;
        }
        let mut seen = Seen::default();
        for a in &s.alarms {
            let p = format!("alarms.{}", a.id.esc());
            self.text(&p, &a.id);
            if a.id.is_empty() || !seen.insert(a.id.as_str()) {
                self.err(&p, Problem::AlarmIdUnique);
            }
            self.range(&p, "threshold", a.threshold, -1e9, 1e9);
            self.range(&p, "period_s", a.period_s, 1.0, 3600.0);
            self.int(&p, "evaluation_periods", a.evaluation_periods, 1, 100);
            match &a.metric {
                AlarmMetric::P95Ms | AlarmMetric::ErrorRatePct => {}
                AlarmMetric::CpuPct { component }
                | AlarmMetric::Queue { component }
                | AlarmMetric::Healthy { component } => {
                    if s.component(component).is_none() {
                        let id = component.esc();
                        self.err_at(&p, "metric", Problem::NoSuchComponent(id));
                    }
                }
            }
            if let AlarmAction::ScaleOut { tier, step } | AlarmAction::ScaleIn { tier, step } = &a.action {
                if !is_app(s, tier) {
                    self.err_at(&p, "action", Problem::NotAnAppServer(tier.esc()));
                } else if !is_group(s, tier) {
                    let id = tier.esc();
                    self.err_at(&p, "action", Problem::NotAutoScalingGroup(id));
                }
                self.int(&p, "action.step", *step, 1, LIMITS.count);
            }
        }
    }

    fn autoscaling(&mut self, id: &str, a: &AutoScaling, count: u32) {
        let p = format!("{id}.autoscaling");
        self.int(&p, "min", a.min, 0, LIMITS.count);
        self.int(&p, "max", a.max, 1, LIMITS.count);
        if a.min > a.max {
            self.err_at(&p, "min", Problem::MinAboveMax);
        } else if count < a.min || count > a.max {
            self.err_at(id, "count", Problem::CountOutsideGroup { min: a.min, max: a.max });
        }
        self.range(&p, "target_cpu_pct", a.target_cpu_pct, 1.0, 100.0);
        self.range(&p, "boot_s", a.boot_s, 0.0, 3600.0);
        self.range(&p, "warmup_s", a.warmup_s, 0.0, 3600.0);
        self.range(&p, "cooldown_s", a.cooldown_s, 0.0, 3600.0);
    }
}

fn is_app(s: &Scenario, id: &str) -> bool {
    matches!(s.component(id).map(|c| &c.kind), Some(Kind::AppServer(_)))
}

fn is_group(s: &Scenario, id: &str) -> bool {
    matches!(s.component(id).map(|c| &c.kind), Some(Kind::AppServer(AppServer { autoscaling: Some(_), .. })))
}
