//! Readers of what happens over time: traffic, scripted faults, deployments and alarms. Their
//! enums were internally tagged (`"do"` or `"kind"`); a unit variant ignored any other field,
//! as serde's did.

use serde_json::Value;

use super::json_read::{bool_of, f64_of, opt, string_of, strukt, tagged, u32_of, At, FromJson, Read, Shape};
use super::*;

impl FromJson for Traffic {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Traffic", fields: &["rate_rps", "pattern", "arrivals"] };
        let mut t = Traffic::default();
        strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => t.rate_rps = f64_of(v, at)?,
                1 => t.pattern = Pattern::read(v, at)?,
                _ => t.arrivals = Arrivals::read(v, at)?,
            }
            Ok(())
        })?;
        Ok(t)
    }
}

/// Reads a struct variant whose fields are all floats (`Ramp`, `Spike`).
fn floats<'v, const N: usize>(
    body: super::json_read::Tagged<'v>,
    at: &mut At<'v>,
    shape: &Shape,
) -> Read<[f64; N]> {
    let mut f = [None; N];
    let given = body.fields(at, shape, &mut |i, v, at| {
        f[i] = Some(f64_of(v, at)?);
        Ok(())
    })?;
    let mut out = [0.0; N];
    for (i, slot) in f.into_iter().enumerate() {
        out[i] = given.req(slot, i, at)?;
    }
    Ok(out)
}

impl FromJson for Pattern {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        let body = tagged(v, at, "kind", "internally tagged enum Pattern", &["steady", "ramp", "spike"])?;
        Ok(match body.index {
            0 => Pattern::Steady,
            1 => {
                const SHAPE: Shape =
                    Shape { name: "struct variant Pattern::Ramp", fields: &["to_rps", "over_s"] };
                let [to_rps, over_s] = floats(body, at, &SHAPE)?;
                Pattern::Ramp { to_rps, over_s }
            }
            _ => {
                const SHAPE: Shape =
                    Shape { name: "struct variant Pattern::Spike", fields: &["at_s", "for_s", "factor"] };
                let [at_s, for_s, factor] = floats(body, at, &SHAPE)?;
                Pattern::Spike { at_s, for_s, factor }
            }
        })
    }
}

impl FromJson for ScheduledFault {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct ScheduledFault", fields: &["at_s", "action"] };
        let (mut at_s, mut action) = (None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => at_s = Some(f64_of(v, at)?),
                _ => action = Some(FaultAction::read(v, at)?),
            }
            Ok(())
        })?;
        Ok(ScheduledFault { at_s: given.req(at_s, 0, at)?, action: given.req(action, 1, at)? })
    }
}

impl FromJson for FaultAction {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const ACTIONS: &[&str] = &["kill", "revive", "add_latency", "clear_latency", "partition", "heal"];
        const NAMES: [&str; 6] = [
            "struct variant FaultAction::Kill",
            "struct variant FaultAction::Revive",
            "struct variant FaultAction::AddLatency",
            "struct variant FaultAction::ClearLatency",
            "struct variant FaultAction::Partition",
            "struct variant FaultAction::Heal",
        ];
        let body = tagged(v, at, "do", "internally tagged enum FaultAction", ACTIONS)?;
        let index = body.index;
        if index < 2 {
            let shape = Shape { name: NAMES[index], fields: &["target"] };
            let mut target = None;
            let given = body.fields(at, &shape, &mut |_, v, at| {
                target = Some(Target::read(v, at)?);
                Ok(())
            })?;
            let target = given.req(target, 0, at)?;
            return Ok(if index == 0 {
                FaultAction::Kill { target }
            } else {
                FaultAction::Revive { target }
            });
        }
        let fields: &'static [&'static str] = if index == 2 { &["a", "b", "ms"] } else { &["a", "b"] };
        let shape = Shape { name: NAMES[index], fields };
        let (mut a, mut b, mut ms) = (None, None, None);
        let given = body.fields(at, &shape, &mut |i, v, at| {
            match i {
                0 => a = Some(Placement::read(v, at)?),
                1 => b = Some(Placement::read(v, at)?),
                _ => ms = Some(f64_of(v, at)?),
            }
            Ok(())
        })?;
        let (a, b) = (given.req(a, 0, at)?, given.req(b, 1, at)?);
        Ok(match index {
            2 => FaultAction::AddLatency { a, b, ms: given.req(ms, 2, at)? },
            3 => FaultAction::ClearLatency { a, b },
            4 => FaultAction::Partition { a, b },
            _ => FaultAction::Heal { a, b },
        })
    }
}

impl FromJson for Target {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const KINDS: &[&str] = &["component", "server", "process", "zone", "region"];
        const SHAPES: [Shape; 5] = [
            Shape { name: "struct variant Target::Component", fields: &["id"] },
            Shape { name: "struct variant Target::Server", fields: &["id", "index"] },
            Shape { name: "struct variant Target::Process", fields: &["id", "server", "index"] },
            Shape { name: "struct variant Target::Zone", fields: &["region", "zone"] },
            Shape { name: "struct variant Target::Region", fields: &["region"] },
        ];
        let body = tagged(v, at, "kind", "internally tagged enum Target", KINDS)?;
        let index = body.index;
        let shape = &SHAPES[index];
        // Text fields and number fields, by their index in the variant.
        let (mut text, mut num): ([Option<String>; 2], [Option<u32>; 3]) = Default::default();
        let given = body.fields(at, shape, &mut |i, v, at| {
            match (index, i) {
                (0..=2, 0) | (3 | 4, _) => text[i] = Some(string_of(v, at)?),
                _ => num[i] = Some(u32_of(v, at)?),
            }
            Ok(())
        })?;
        let [t0, t1] = text;
        let [_, n1, n2] = num;
        Ok(match index {
            0 => Target::Component { id: given.req(t0, 0, at)? },
            1 => Target::Server { id: given.req(t0, 0, at)?, index: given.req(n1, 1, at)? },
            2 => Target::Process {
                id: given.req(t0, 0, at)?,
                server: given.req(n1, 1, at)?,
                index: given.req(n2, 2, at)?,
            },
            3 => Target::Zone { region: given.req(t0, 0, at)?, zone: given.req(t1, 1, at)? },
            _ => Target::Region { region: given.req(t0, 0, at)? },
        })
    }
}

impl FromJson for AutoScaling {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape {
            name: "struct AutoScaling",
            fields: &["min", "max", "target_cpu_pct", "boot_s", "warmup_s", "cooldown_s"],
        };
        let mut a = AutoScaling::default();
        strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => a.min = u32_of(v, at)?,
                1 => a.max = u32_of(v, at)?,
                2 => a.target_cpu_pct = f64_of(v, at)?,
                3 => a.boot_s = f64_of(v, at)?,
                4 => a.warmup_s = f64_of(v, at)?,
                _ => a.cooldown_s = f64_of(v, at)?,
            }
            Ok(())
        })?;
        Ok(a)
    }
}

impl FromJson for Deployment {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape {
            name: "struct Deployment",
            fields: &["at_s", "tier", "strategy", "version", "boot_s", "rollback_on"],
        };
        let (mut at_s, mut tier, mut strategy) = (None, None, None);
        let (mut version, mut boot_s, mut rollback_on) = (Version::default(), DEFAULT_BOOT_S, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => at_s = Some(f64_of(v, at)?),
                1 => tier = Some(string_of(v, at)?),
                2 => strategy = Some(Strategy::read(v, at)?),
                3 => version = Version::read(v, at)?,
                4 => boot_s = f64_of(v, at)?,
                _ => rollback_on = opt(v, at, string_of)?,
            }
            Ok(())
        })?;
        Ok(Deployment {
            at_s: given.req(at_s, 0, at)?,
            tier: given.req(tier, 1, at)?,
            strategy: given.req(strategy, 2, at)?,
            version,
            boot_s,
            rollback_on,
        })
    }
}

impl FromJson for Strategy {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        let kinds = &["all_at_once", "rolling", "blue_green"];
        let body = tagged(v, at, "kind", "internally tagged enum Strategy", kinds)?;
        Ok(match body.index {
            0 => Strategy::AllAtOnce,
            1 => {
                const SHAPE: Shape =
                    Shape { name: "struct variant Strategy::Rolling", fields: &["batch", "pause_s"] };
                let (mut batch, mut pause_s) = (None, None);
                let given = body.fields(at, &SHAPE, &mut |i, v, at| {
                    match i {
                        0 => batch = Some(u32_of(v, at)?),
                        _ => pause_s = Some(f64_of(v, at)?),
                    }
                    Ok(())
                })?;
                Strategy::Rolling { batch: given.req(batch, 0, at)?, pause_s: given.req(pause_s, 1, at)? }
            }
            _ => Strategy::BlueGreen,
        })
    }
}

impl FromJson for Version {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Version", fields: &["error_rate", "extra_ms"] };
        let mut out = Version::default();
        strukt(v, at, &SHAPE, &mut |i, v, at| {
            *(if i == 0 { &mut out.error_rate } else { &mut out.extra_ms }) = f64_of(v, at)?;
            Ok(())
        })?;
        Ok(out)
    }
}

impl FromJson for Alarm {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape {
            name: "struct Alarm",
            fields: &["id", "metric", "above", "threshold", "period_s", "evaluation_periods", "action"],
        };
        let (mut id, mut metric, mut above, mut evaluation_periods) = (None, None, None, None);
        let (mut threshold, mut period_s, mut action) = (None, None, AlarmAction::default());
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => id = Some(string_of(v, at)?),
                1 => metric = Some(AlarmMetric::read(v, at)?),
                2 => above = Some(bool_of(v, at)?),
                3 => threshold = Some(f64_of(v, at)?),
                4 => period_s = Some(f64_of(v, at)?),
                5 => evaluation_periods = Some(u32_of(v, at)?),
                _ => action = AlarmAction::read(v, at)?,
            }
            Ok(())
        })?;
        Ok(Alarm {
            id: given.req(id, 0, at)?,
            metric: given.req(metric, 1, at)?,
            above: given.req(above, 2, at)?,
            threshold: given.req(threshold, 3, at)?,
            period_s: given.req(period_s, 4, at)?,
            evaluation_periods: given.req(evaluation_periods, 5, at)?,
            action,
        })
    }
}

impl FromJson for AlarmMetric {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const KINDS: &[&str] = &["p95_ms", "error_rate_pct", "cpu_pct", "queue", "healthy"];
        const NAMES: [&str; 3] = [
            "struct variant AlarmMetric::CpuPct",
            "struct variant AlarmMetric::Queue",
            "struct variant AlarmMetric::Healthy",
        ];
        let body = tagged(v, at, "kind", "internally tagged enum AlarmMetric", KINDS)?;
        let index = body.index;
        if index < 2 {
            return Ok(if index == 0 { AlarmMetric::P95Ms } else { AlarmMetric::ErrorRatePct });
        }
        let shape = Shape { name: NAMES[index - 2], fields: &["component"] };
        let mut component = None;
        let given = body.fields(at, &shape, &mut |_, v, at| {
            component = Some(string_of(v, at)?);
            Ok(())
        })?;
        let component = given.req(component, 0, at)?;
        Ok(match index {
            2 => AlarmMetric::CpuPct { component },
            3 => AlarmMetric::Queue { component },
            _ => AlarmMetric::Healthy { component },
        })
    }
}

impl FromJson for AlarmAction {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const KINDS: &[&str] = &["notify", "scale_out", "scale_in", "rollback"];
        let body = tagged(v, at, "kind", "internally tagged enum AlarmAction", KINDS)?;
        let index = body.index;
        if index == 0 || index == 3 {
            return Ok(if index == 0 { AlarmAction::Notify } else { AlarmAction::Rollback });
        }
        let name = if index == 1 {
            "struct variant AlarmAction::ScaleOut"
        } else {
            "struct variant AlarmAction::ScaleIn"
        };
        let shape = Shape { name, fields: &["tier", "step"] };
        let (mut tier, mut step) = (None, None);
        let given = body.fields(at, &shape, &mut |i, v, at| {
            match i {
                0 => tier = Some(string_of(v, at)?),
                _ => step = Some(u32_of(v, at)?),
            }
            Ok(())
        })?;
        let (tier, step) = (given.req(tier, 0, at)?, given.req(step, 1, at)?);
        Ok(if index == 1 {
            AlarmAction::ScaleOut { tier, step }
        } else {
            AlarmAction::ScaleIn { tier, step }
        })
    }
}
