//! Writing the scenario as JSON by hand, byte for byte as the derived `Serialize` wrote it:
//! fields in declaration order, the tag of an internally tagged enum first, `None` options and
//! empty lists left out where the model said `skip_serializing_if`, floats bit-exact.
//!
//! The value is built as a small ordered tree ([`Out`]; serde_json's own `Value` would sort the
//! keys) and printed with serde_json's text for each string and number.

use serde_json::Value;

use super::*;

/// A JSON value whose object keys keep their order.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    Null,
    Bool(bool),
    U64(u64),
    F64(f64),
    Str(String),
    Arr(Vec<Out>),
    Obj(Vec<(&'static str, Out)>),
}

impl Out {
    /// Writes the value as `serde_json::to_string_pretty` would (two-space indent, `"key": `),
    /// with serde_json's own text for every string and number (through `Value`'s `Display`,
    /// which the link writer uses anyway), so no serializer is instantiated for `Out`.
    fn pretty(&self, depth: usize, buf: &mut String) {
        let (open, close, items): (char, char, Vec<(Option<&str>, &Out)>) = match self {
            Out::Null => return buf.push_str("null"),
            Out::Bool(b) => return buf.push_str(if *b { "true" } else { "false" }),
            Out::U64(n) => return buf.push_str(&n.to_string()),
            Out::F64(f) => return buf.push_str(&Value::from(*f).to_string()),
            Out::Str(t) => return buf.push_str(&Value::from(t.as_str()).to_string()),
            Out::Arr(items) => ('[', ']', items.iter().map(|v| (None, v)).collect()),
            Out::Obj(entries) => ('{', '}', entries.iter().map(|(k, v)| (Some(*k), v)).collect()),
        };
        buf.push(open);
        for (i, (key, value)) in items.iter().enumerate() {
            buf.push_str(if i == 0 { "\n" } else { ",\n" });
            indent(buf, depth + 1);
            if let Some(key) = key {
                buf.push_str(&Value::from(*key).to_string());
                buf.push_str(": ");
            }
            value.pretty(depth + 1, buf);
        }
        if !items.is_empty() {
            buf.push('\n');
            indent(buf, depth);
        }
        buf.push(close);
    }

    /// The same value as serde_json's `Value` (keys sorted, as its map keeps them).
    pub fn into_value(self) -> Value {
        match self {
            Out::Null => Value::Null,
            Out::Bool(b) => Value::Bool(b),
            Out::U64(n) => Value::from(n),
            Out::F64(f) => Value::from(f),
            Out::Str(t) => Value::String(t),
            Out::Arr(items) => Value::Array(items.into_iter().map(Out::into_value).collect()),
            Out::Obj(entries) => {
                Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v.into_value())).collect())
            }
        }
    }
}

fn indent(buf: &mut String, depth: usize) {
    for _ in 0..depth {
        buf.push_str("  ");
    }
}

/// A type written to JSON the way its former derived `Serialize` wrote it.
pub trait ToJson {
    fn write(&self) -> Out;
}

/// `t` as serde_json's `Value`.
pub fn to_value<T: ToJson>(t: &T) -> Value {
    t.write().into_value()
}

/// `t` as pretty JSON (two-space indent, no trailing newline), as `serde_json::to_string_pretty`.
pub fn to_string_pretty<T: ToJson>(t: &T) -> String {
    let mut buf = String::new();
    t.write().pretty(0, &mut buf);
    buf
}

fn s(x: &str) -> Out {
    Out::Str(x.to_string())
}

fn list<T: ToJson>(items: &[T]) -> Out {
    Out::Arr(items.iter().map(ToJson::write).collect())
}

/// An object being written, field by field. The methods are out of line so that each field
/// costs one call in the writers below, not an inlined construction.
struct Obj(Vec<(&'static str, Out)>);

impl Obj {
    fn new() -> Self {
        Obj(Vec::new())
    }

    /// An internally tagged enum's object: the tag comes first.
    #[inline(never)]
    fn tagged(tag: &'static str, variant: &str) -> Self {
        Obj(vec![(tag, s(variant))])
    }

    #[inline(never)]
    fn o(&mut self, key: &'static str, value: Out) {
        self.0.push((key, value));
    }

    #[inline(never)]
    fn f(&mut self, key: &'static str, x: f64) {
        self.o(key, Out::F64(x));
    }

    #[inline(never)]
    fn u(&mut self, key: &'static str, x: u32) {
        self.o(key, Out::U64(u64::from(x)));
    }

    #[inline(never)]
    fn s(&mut self, key: &'static str, x: &str) {
        self.o(key, s(x));
    }

    /// Appends the fields of another object (a struct written inside a newtype variant).
    fn extend(&mut self, o: Out) {
        if let Out::Obj(e) = o {
            self.0.extend(e);
        }
    }

    fn done(self) -> Out {
        Out::Obj(self.0)
    }
}

impl ToJson for Scenario {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.u("version", self.version);
        o.s("name", &self.name);
        o.o("seed", Out::U64(self.seed));
        o.o("regions", list(&self.regions));
        o.o("components", list(&self.components));
        o.o("links", list(&self.links));
        o.o("traffic", self.traffic.write());
        o.o("faults", list(&self.faults));
        o.o("run", self.run.write());
        if !self.deployments.is_empty() {
            o.o("deployments", list(&self.deployments));
        }
        if !self.alarms.is_empty() {
            o.o("alarms", list(&self.alarms));
        }
        o.done()
    }
}

impl ToJson for RunSettings {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("speed", self.speed);
        o.f("duration_s", self.duration_s);
        o.done()
    }
}

impl ToJson for Region {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("code", &self.code);
        o.o("rect", self.rect.write());
        o.o("zones", list(&self.zones));
        o.done()
    }
}

impl ToJson for Rect {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("x", self.x);
        o.f("y", self.y);
        o.f("w", self.w);
        o.f("h", self.h);
        o.done()
    }
}

impl ToJson for Zone {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("name", &self.name);
        o.done()
    }
}

impl ToJson for Placement {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("region", &self.region);
        o.s("zone", &self.zone);
        o.done()
    }
}

impl ToJson for Link {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("from", &self.from);
        o.s("to", &self.to);
        if let Some(rtt) = self.rtt_ms {
            o.f("rtt_ms", rtt);
        }
        o.done()
    }
}

impl ToJson for Component {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("id", &self.id);
        o.o("place", self.place.write());
        o.f("x", self.x);
        o.f("y", self.y);
        o.o("kind", self.kind.write());
        o.done()
    }
}

impl ToJson for Kind {
    fn write(&self) -> Out {
        let (variant, body) = match self {
            Kind::Clients(c) => ("clients", c.write()),
            Kind::Dns(d) => ("dns", d.write()),
            Kind::LoadBalancer(l) => ("load_balancer", l.write()),
            Kind::AppServer(a) => ("app_server", a.write()),
            Kind::Database(d) => ("database", d.write()),
        };
        let mut o = Obj::tagged("type", variant);
        o.extend(body);
        o.done()
    }
}

impl ToJson for Clients {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("weight", self.weight);
        o.f("timeout_ms", self.timeout_ms);
        o.done()
    }
}

impl ToJson for Dns {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.o("policy", self.policy.write());
        o.f("ttl_s", self.ttl_s);
        o.o("health_check", self.health_check.write());
        o.done()
    }
}

impl ToJson for TargetWeight {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.s("target", &self.target);
        o.u("weight", self.weight);
        o.done()
    }
}

impl ToJson for LoadBalancer {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.o("layer", self.layer.write());
        o.o("algorithm", self.algorithm.write());
        o.o("health_check", self.health_check.write());
        o.o("fail_open", Out::Bool(self.fail_open));
        o.o("weights", list(&self.weights));
        o.f("deregistration_delay_s", self.deregistration_delay_s);
        o.done()
    }
}

impl ToJson for AppServer {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.u("count", self.count);
        o.u("vcpus", self.vcpus);
        o.u("processes", self.processes);
        o.f("cpu_ms", self.cpu_ms);
        o.o("service", self.service.write());
        o.u("db_queries", self.db_queries);
        o.f("write_ratio", self.write_ratio);
        o.u("backlog", self.backlog);
        o.f("restart_delay_s", self.restart_delay_s);
        if let Some(a) = &self.autoscaling {
            o.o("autoscaling", a.write());
        }
        o.done()
    }
}

impl ToJson for Database {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.o("role", self.role.write());
        if let Some(p) = &self.primary {
            o.s("primary", p);
        }
        o.u("max_connections", self.max_connections);
        o.f("query_ms", self.query_ms);
        o.o("service", self.service.write());
        o.u("queue_limit", self.queue_limit);
        o.f("failover_s", self.failover_s);
        if let Some(h) = &self.host {
            o.s("host", h);
        }
        o.u("vcpus", self.vcpus);
        o.done()
    }
}

impl ToJson for HealthCheck {
    fn write(&self) -> Out {
        let mut o = Obj::new();
        o.f("interval_s", self.interval_s);
        o.f("timeout_s", self.timeout_s);
        o.u("unhealthy_threshold", self.unhealthy_threshold);
        o.u("healthy_threshold", self.healthy_threshold);
        o.done()
    }
}

macro_rules! unit_enums_write {
    ($($ty:ident)+) => {$(
        impl ToJson for $ty {
            fn write(&self) -> Out {
                s(self.name())
            }
        }
    )+};
}

unit_enums_write!(DnsPolicy LbLayer LbAlgorithm ServiceDist DbRole Arrivals);

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

#[cfg(test)]
mod tests {
    use super::*;

    /// With keys already in sorted order, `Out` prints exactly as serde_json prints its `Value`.
    #[test]
    fn prints_as_serde_json_pretty() {
        let out = Out::Obj(vec![
            ("a", Out::Arr(vec![])),
            ("b", Out::Obj(vec![])),
            ("c", Out::Arr(vec![Out::F64(1.0), Out::F64(-0.0), Out::F64(1e300), Out::F64(0.1 + 0.2)])),
            ("d", Out::Str("q\"\\\n\t\u{1}\u{7f}é서울😀</script>".into())),
            (
                "e",
                Out::Obj(vec![("x", Out::U64(u64::MAX)), ("y", Out::Bool(false)), ("z", Out::F64(f64::NAN))]),
            ),
            ("f", Out::Null),
        ]);
        let mut mine = String::new();
        out.pretty(0, &mut mine);
        assert_eq!(mine, serde_json::to_string_pretty(&out.into_value()).unwrap());
    }
}
