//! Readers of the scenario's top level and its components, field for field what the derived
//! `Deserialize` accepted (defaults included: a missing field of a `#[serde(default)]` struct
//! takes that struct's `Default`, not its owner's).

use serde_json::Value;

use super::json_read::{
    bool_of, f64_of, opt, string_of, strukt, tagged, u32_of, u64_of, unit_enum, vec_of, At, FromJson, Read,
    Shape,
};
use super::*;

impl FromJson for Scenario {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape {
            name: "struct Scenario",
            fields: &[
                "version",
                "name",
                "seed",
                "regions",
                "components",
                "links",
                "traffic",
                "faults",
                "run",
                "deployments",
                "alarms",
            ],
        };
        let mut s = Scenario::empty("");
        s.seed = 0;
        let (mut version, mut regions, mut components, mut traffic) = (None, None, None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => version = Some(u32_of(v, at)?),
                1 => s.name = string_of(v, at)?,
                2 => s.seed = u64_of(v, at)?,
                3 => regions = Some(vec_of(v, at, Region::read)?),
                4 => components = Some(vec_of(v, at, Component::read)?),
                5 => s.links = vec_of(v, at, Link::read)?,
                6 => traffic = Some(Traffic::read(v, at)?),
                7 => s.faults = vec_of(v, at, ScheduledFault::read)?,
                8 => s.run = RunSettings::read(v, at)?,
                9 => s.deployments = vec_of(v, at, Deployment::read)?,
                _ => s.alarms = vec_of(v, at, Alarm::read)?,
            }
            Ok(())
        })?;
        s.version = given.req(version, 0, at)?;
        s.regions = given.req(regions, 3, at)?;
        s.components = given.req(components, 4, at)?;
        s.traffic = given.req(traffic, 6, at)?;
        Ok(s)
    }
}

impl FromJson for Region {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Region", fields: &["code", "rect", "zones"] };
        let (mut code, mut rect, mut zones) = (None, None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => code = Some(string_of(v, at)?),
                1 => rect = Some(Rect::read(v, at)?),
                _ => zones = Some(vec_of(v, at, Zone::read)?),
            }
            Ok(())
        })?;
        Ok(Region {
            code: given.req(code, 0, at)?,
            rect: given.req(rect, 1, at)?,
            zones: given.req(zones, 2, at)?,
        })
    }
}

impl FromJson for Zone {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Zone", fields: &["name"] };
        let mut name = None;
        let given = strukt(v, at, &SHAPE, &mut |_, v, at| {
            name = Some(string_of(v, at)?);
            Ok(())
        })?;
        Ok(Zone { name: given.req(name, 0, at)? })
    }
}

impl FromJson for Placement {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Placement", fields: &["region", "zone"] };
        let (mut region, mut zone) = (None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            *(if i == 0 { &mut region } else { &mut zone }) = Some(string_of(v, at)?);
            Ok(())
        })?;
        Ok(Placement { region: given.req(region, 0, at)?, zone: given.req(zone, 1, at)? })
    }
}

impl FromJson for Rect {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Rect", fields: &["x", "y", "w", "h"] };
        let mut r = [None; 4];
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            r[i] = Some(f64_of(v, at)?);
            Ok(())
        })?;
        Ok(Rect {
            x: given.req(r[0], 0, at)?,
            y: given.req(r[1], 1, at)?,
            w: given.req(r[2], 2, at)?,
            h: given.req(r[3], 3, at)?,
        })
    }
}

impl FromJson for Link {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Link", fields: &["from", "to", "rtt_ms"] };
        let (mut from, mut to, mut rtt_ms) = (None, None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => from = Some(string_of(v, at)?),
                1 => to = Some(string_of(v, at)?),
                _ => rtt_ms = opt(v, at, f64_of)?,
            }
            Ok(())
        })?;
        Ok(Link { from: given.req(from, 0, at)?, to: given.req(to, 1, at)?, rtt_ms })
    }
}

impl FromJson for RunSettings {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct RunSettings", fields: &["speed", "duration_s"] };
        let mut r = RunSettings::default();
        strukt(v, at, &SHAPE, &mut |i, v, at| {
            *(if i == 0 { &mut r.speed } else { &mut r.duration_s }) = f64_of(v, at)?;
            Ok(())
        })?;
        Ok(r)
    }
}

impl FromJson for Component {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct Component", fields: &["id", "place", "x", "y", "kind"] };
        let (mut id, mut place, mut x, mut y, mut kind) = (None, None, None, None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => id = Some(string_of(v, at)?),
                1 => place = Some(Placement::read(v, at)?),
                2 => x = Some(f64_of(v, at)?),
                3 => y = Some(f64_of(v, at)?),
                _ => kind = Some(Kind::read(v, at)?),
            }
            Ok(())
        })?;
        Ok(Component {
            id: given.req(id, 0, at)?,
            place: given.req(place, 1, at)?,
            x: given.req(x, 2, at)?,
            y: given.req(y, 3, at)?,
            kind: given.req(kind, 4, at)?,
        })
    }
}

impl FromJson for Kind {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const KINDS: &[&str] = &["clients", "dns", "load_balancer", "app_server", "database"];
        let body = tagged(v, at, "type", "internally tagged enum Kind", KINDS)?;
        Ok(match body.index {
            0 => {
                const SHAPE: Shape = Shape { name: "struct Clients", fields: &["weight", "timeout_ms"] };
                let mut c = Clients::default();
                body.fields(at, &SHAPE, &mut |i, v, at| {
                    *(if i == 0 { &mut c.weight } else { &mut c.timeout_ms }) = f64_of(v, at)?;
                    Ok(())
                })?;
                Kind::Clients(c)
            }
            1 => {
                const SHAPE: Shape =
                    Shape { name: "struct Dns", fields: &["policy", "ttl_s", "health_check"] };
                let mut d = Dns::default();
                body.fields(at, &SHAPE, &mut |i, v, at| {
                    match i {
                        0 => d.policy = DnsPolicy::read(v, at)?,
                        1 => d.ttl_s = f64_of(v, at)?,
                        _ => d.health_check = HealthCheck::read(v, at)?,
                    }
                    Ok(())
                })?;
                Kind::Dns(d)
            }
            2 => Kind::LoadBalancer(load_balancer(body, at)?),
            3 => Kind::AppServer(app_server(body, at)?),
            _ => Kind::Database(database(body, at)?),
        })
    }
}

fn load_balancer<'v>(body: super::json_read::Tagged<'v>, at: &mut At<'v>) -> Read<LoadBalancer> {
    const SHAPE: Shape = Shape {
        name: "struct LoadBalancer",
        fields: &["layer", "algorithm", "health_check", "fail_open", "weights", "deregistration_delay_s"],
    };
    let mut l = LoadBalancer::default();
    body.fields(at, &SHAPE, &mut |i, v, at| {
        match i {
            0 => l.layer = LbLayer::read(v, at)?,
            1 => l.algorithm = LbAlgorithm::read(v, at)?,
            2 => l.health_check = HealthCheck::read(v, at)?,
            3 => l.fail_open = bool_of(v, at)?,
            4 => l.weights = vec_of(v, at, TargetWeight::read)?,
            _ => l.deregistration_delay_s = f64_of(v, at)?,
        }
        Ok(())
    })?;
    Ok(l)
}

fn app_server<'v>(body: super::json_read::Tagged<'v>, at: &mut At<'v>) -> Read<AppServer> {
    const SHAPE: Shape = Shape {
        name: "struct AppServer",
        fields: &[
            "count",
            "vcpus",
            "processes",
            "cpu_ms",
            "service",
            "db_queries",
            "write_ratio",
            "backlog",
            "restart_delay_s",
            "autoscaling",
        ],
    };
    let mut a = AppServer::default();
    body.fields(at, &SHAPE, &mut |i, v, at| {
        match i {
            0 => a.count = u32_of(v, at)?,
            1 => a.vcpus = u32_of(v, at)?,
            2 => a.processes = u32_of(v, at)?,
            3 => a.cpu_ms = f64_of(v, at)?,
            4 => a.service = ServiceDist::read(v, at)?,
            5 => a.db_queries = u32_of(v, at)?,
            6 => a.write_ratio = f64_of(v, at)?,
            7 => a.backlog = u32_of(v, at)?,
            8 => a.restart_delay_s = f64_of(v, at)?,
            _ => a.autoscaling = opt(v, at, AutoScaling::read)?,
        }
        Ok(())
    })?;
    Ok(a)
}

fn database<'v>(body: super::json_read::Tagged<'v>, at: &mut At<'v>) -> Read<Database> {
    const SHAPE: Shape = Shape {
        name: "struct Database",
        fields: &[
            "role",
            "primary",
            "max_connections",
            "query_ms",
            "service",
            "queue_limit",
            "failover_s",
            "host",
            "vcpus",
        ],
    };
    let mut d = Database::default();
    body.fields(at, &SHAPE, &mut |i, v, at| {
        match i {
            0 => d.role = DbRole::read(v, at)?,
            1 => d.primary = opt(v, at, string_of)?,
            2 => d.max_connections = u32_of(v, at)?,
            3 => d.query_ms = f64_of(v, at)?,
            4 => d.service = ServiceDist::read(v, at)?,
            5 => d.queue_limit = u32_of(v, at)?,
            6 => d.failover_s = f64_of(v, at)?,
            7 => d.host = opt(v, at, string_of)?,
            _ => d.vcpus = u32_of(v, at)?,
        }
        Ok(())
    })?;
    Ok(d)
}

impl FromJson for HealthCheck {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape {
            name: "struct HealthCheck",
            fields: &["interval_s", "timeout_s", "unhealthy_threshold", "healthy_threshold"],
        };
        let mut h = HealthCheck::default();
        strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => h.interval_s = f64_of(v, at)?,
                1 => h.timeout_s = f64_of(v, at)?,
                2 => h.unhealthy_threshold = u32_of(v, at)?,
                _ => h.healthy_threshold = u32_of(v, at)?,
            }
            Ok(())
        })?;
        Ok(h)
    }
}

impl FromJson for TargetWeight {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        const SHAPE: Shape = Shape { name: "struct TargetWeight", fields: &["target", "weight"] };
        let (mut target, mut weight) = (None, None);
        let given = strukt(v, at, &SHAPE, &mut |i, v, at| {
            match i {
                0 => target = Some(string_of(v, at)?),
                _ => weight = Some(u32_of(v, at)?),
            }
            Ok(())
        })?;
        Ok(TargetWeight { target: given.req(target, 0, at)?, weight: given.req(weight, 1, at)? })
    }
}

/// The fieldless enums: read by name, written by the same name (`super::json_write`).
macro_rules! unit_enums {
    ($($ty:ident { $($variant:ident = $name:literal),+ })+) => {$(
        impl $ty {
            pub const NAMES: &'static [&'static str] = &[$($name),+];
            const ALL_VARIANTS: &'static [$ty] = &[$($ty::$variant),+];

            /// The name this value has in scenario files ("round_robin").
            pub fn name(self) -> &'static str {
                Self::NAMES[Self::ALL_VARIANTS.iter().position(|v| *v == self).unwrap_or(0)]
            }

            /// The value a scenario file names so, if any.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL_VARIANTS[i])
            }
        }

        impl FromJson for $ty {
            fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
                unit_enum(v, at, Self::NAMES).map(|i| Self::ALL_VARIANTS[i])
            }
        }
    )+};
}

unit_enums! {
    DnsPolicy { Latency = "latency", Failover = "failover", RoundRobin = "round_robin" }
    LbLayer { L4 = "l4", L7 = "l7" }
    LbAlgorithm {
        RoundRobin = "round_robin", LeastConnections = "least_connections", Random = "random",
        PowerOfTwo = "power_of_two", Weighted = "weighted"
    }
    ServiceDist { Exponential = "exponential", Constant = "constant" }
    DbRole { Primary = "primary", Standby = "standby", ReadReplica = "read_replica" }
    Arrivals { Poisson = "poisson", Uniform = "uniform" }
}
