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
    /// with serde_json's own text for every string and number (`json_emit`'s, equal to it),
    /// so no serializer is instantiated for `Out`.
    fn pretty(&self, depth: usize, buf: &mut String) {
        let (open, close, items): (char, char, Vec<(Option<&str>, &Out)>) = match self {
            Out::Null => return buf.push_str("null"),
            Out::Bool(b) => return buf.push_str(if *b { "true" } else { "false" }),
            Out::U64(n) => return buf.push_str(&n.to_string()),
            Out::F64(f) => return buf.push_str(&super::json_f64(*f)),
            Out::Str(t) => return super::push_string(buf, t),
            Out::Arr(items) => ('[', ']', items.iter().map(|v| (None, v)).collect()),
            Out::Obj(entries) => ('{', '}', entries.iter().map(|(k, v)| (Some(*k), v)).collect()),
        };
        buf.push(open);
        for (i, (key, value)) in items.iter().enumerate() {
            buf.push_str(if i == 0 { "\n" } else { ",\n" });
            indent(buf, depth + 1);
            if let Some(key) = key {
                super::push_string(buf, key);
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
                // Inserted one by one: collecting into the map would sort with a copy of std's
                // stable sort of its own (crate::order says why that matters).
                let mut map = serde_json::Map::new();
                for (k, v) in entries {
                    map.insert(k.to_string(), v.into_value());
                }
                Value::Object(map)
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

pub(super) fn s(x: &str) -> Out {
    Out::Str(x.to_string())
}

pub(super) fn list<T: ToJson>(items: &[T]) -> Out {
    Out::Arr(items.iter().map(ToJson::write).collect())
}

/// An object being written, field by field. The methods are out of line so that each field
/// costs one call in the writers below, not an inlined construction.
pub(super) struct Obj(Vec<(&'static str, Out)>);

impl Obj {
    pub(super) fn new() -> Self {
        Obj(Vec::new())
    }

    /// An internally tagged enum's object: the tag comes first.
    #[inline(never)]
    pub(super) fn tagged(tag: &'static str, variant: &str) -> Self {
        Obj(vec![(tag, s(variant))])
    }

    #[inline(never)]
    pub(super) fn o(&mut self, key: &'static str, value: Out) {
        self.0.push((key, value));
    }

    #[inline(never)]
    pub(super) fn f(&mut self, key: &'static str, x: f64) {
        self.o(key, Out::F64(x));
    }

    #[inline(never)]
    pub(super) fn u(&mut self, key: &'static str, x: u32) {
        self.o(key, Out::U64(u64::from(x)));
    }

    #[inline(never)]
    pub(super) fn s(&mut self, key: &'static str, x: &str) {
        self.o(key, s(x));
    }

    /// Appends the fields of another object (a struct written inside a newtype variant).
    pub(super) fn extend(&mut self, o: Out) {
        if let Out::Obj(e) = o {
            self.0.extend(e);
        }
    }

    pub(super) fn done(self) -> Out {
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
