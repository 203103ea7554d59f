//! Writers of what happens over time: traffic, scripted faults, deployments and alarms, with
//! each internally tagged enum's tag (`"do"` or `"kind"`) first, as serde wrote them.

use super::json_write::{Obj, Out, ToJson};
use super::*;

impl ToJson for Traffic {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("rate_rps", self.rate_rps);
        o.o("pattern", self.pattern.write());
        o.o("arrivals", self.arrivals.write());
        o.done()
    }
}

impl ToJson for Pattern {
    fn write(&self) -> Out {
        match *self {
            Pattern::Steady => Obj::tagged("kind", "steady").done(),
            Pattern::Ramp { to_rps, over_s } => {
                let mut o = Obj::tagged("kind", "ramp");
                o.f("to_rps", to_rps);
                o.f("over_s", over_s);
                o.done()
            }
            Pattern::Spike { at_s, for_s, factor } => {
                let mut o = Obj::tagged("kind", "spike");
                o.f("at_s", at_s);
                o.f("for_s", for_s);
                o.f("factor", factor);
                o.done()
            }
        }
    }
}

impl ToJson for ScheduledFault {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("at_s", self.at_s);
        o.o("action", self.action.write());
        o.done()
    }
}

impl ToJson for FaultAction {
    fn write(&self) -> Out {
        let (variant, target, zones, ms) = match self {
            FaultAction::Kill { target } => ("kill", Some(target), None, None),
            FaultAction::Revive { target } => ("revive", Some(target), None, None),
            FaultAction::AddLatency { a, b, ms } => ("add_latency", None, Some((a, b)), Some(*ms)),
            FaultAction::ClearLatency { a, b } => ("clear_latency", None, Some((a, b)), None),
            FaultAction::Partition { a, b } => ("partition", None, Some((a, b)), None),
            FaultAction::Heal { a, b } => ("heal", None, Some((a, b)), None),
        };
        let mut o = Obj::tagged("do", variant);
        if let Some(t) = target {
            o.o("target", t.write());
        }
        if let Some((a, b)) = zones {
            o.o("a", a.write());
            o.o("b", b.write());
        }
        if let Some(ms) = ms {
            o.f("ms", ms);
        }
        o.done()
    }
}

impl ToJson for Target {
    fn write(&self) -> Out {
        let mut o;
        match self {
            Target::Component { id } => {
                o = Obj::tagged("kind", "component");
                o.s("id", id);
            }
            Target::Server { id, index } => {
                o = Obj::tagged("kind", "server");
                o.s("id", id);
                o.u("index", *index);
            }
            Target::Process { id, server, index } => {
                o = Obj::tagged("kind", "process");
                o.s("id", id);
                o.u("server", *server);
                o.u("index", *index);
            }
            Target::Zone { region, zone } => {
                o = Obj::tagged("kind", "zone");
                o.s("region", region);
                o.s("zone", zone);
            }
            Target::Region { region } => {
                o = Obj::tagged("kind", "region");
                o.s("region", region);
            }
        }
        o.done()
    }
}

impl ToJson for AutoScaling {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.u("min", self.min);
        o.u("max", self.max);
        o.f("target_cpu_pct", self.target_cpu_pct);
        o.f("boot_s", self.boot_s);
        o.f("warmup_s", self.warmup_s);
        o.f("cooldown_s", self.cooldown_s);
        o.done()
    }
}

impl ToJson for Deployment {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("at_s", self.at_s);
        o.s("tier", &self.tier);
        o.o("strategy", self.strategy.write());
        o.o("version", self.version.write());
        o.f("boot_s", self.boot_s);
        if let Some(alarm) = &self.rollback_on {
            o.s("rollback_on", alarm);
        }
        o.done()
    }
}

impl ToJson for Strategy {
    fn write(&self) -> Out {
        match *self {
            Strategy::AllAtOnce => Obj::tagged("kind", "all_at_once").done(),
            Strategy::Rolling { batch, pause_s } => {
                let mut o = Obj::tagged("kind", "rolling");
                o.u("batch", batch);
                o.f("pause_s", pause_s);
                o.done()
            }
            Strategy::BlueGreen => Obj::tagged("kind", "blue_green").done(),
        }
    }
}

impl ToJson for Version {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("error_rate", self.error_rate);
        o.f("extra_ms", self.extra_ms);
        o.done()
    }
}

impl ToJson for AlarmMetric {
    fn write(&self) -> Out {
        let (variant, component) = match self {
            AlarmMetric::P95Ms => ("p95_ms", None),
            AlarmMetric::ErrorRatePct => ("error_rate_pct", None),
            AlarmMetric::CpuPct { component } => ("cpu_pct", Some(component)),
            AlarmMetric::Queue { component } => ("queue", Some(component)),
            AlarmMetric::Healthy { component } => ("healthy", Some(component)),
        };
        let mut o = Obj::tagged("kind", variant);
        if let Some(c) = component {
            o.s("component", c);
        }
        o.done()
    }
}

impl ToJson for AlarmAction {
    fn write(&self) -> Out {
        let (variant, scale) = match self {
            AlarmAction::Notify => ("notify", None),
            AlarmAction::ScaleOut { tier, step } => ("scale_out", Some((tier, *step))),
            AlarmAction::ScaleIn { tier, step } => ("scale_in", Some((tier, *step))),
            AlarmAction::Rollback => ("rollback", None),
        };
        let mut o = Obj::tagged("kind", variant);
        if let Some((tier, step)) = scale {
            o.s("tier", tier);
            o.u("step", step);
        }
        o.done()
    }
}

impl ToJson for Alarm {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("id", &self.id);
        o.o("metric", self.metric.write());
        o.o("above", Out::Bool(self.above));
        o.f("threshold", self.threshold);
        o.f("period_s", self.period_s);
        o.u("evaluation_periods", self.evaluation_periods);
        o.o("action", self.action.write());
        o.done()
    }
}
