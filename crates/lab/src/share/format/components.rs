//! Components and their kinds: `{"type": "app_server", …}` inside each component's `kind`.

use serde::{Deserialize, Serialize};

use super::scenario::{all, into_all};
use super::tagged::{deserialize_tagged, fields, Tagged};
use super::{named, AutoScaling, Placement};
use crate::model as m;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: String,
    pub place: Placement,
    pub x: f64,
    pub y: f64,
    pub kind: Kind,
}

/// A component's kind, tagged by `"type"`; the fields of its variant sit beside the tag.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    Clients(Clients),
    Dns(Dns),
    LoadBalancer(LoadBalancer),
    AppServer(AppServer),
    Database(Database),
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindTag {
    Clients,
    Dns,
    LoadBalancer,
    AppServer,
    Database,
}

impl<'de> Tagged<'de> for Kind {
    const NAME: &'static str = "internally tagged enum Kind";
    const TAG: &'static str = "type";
    type Tag = KindTag;

    fn variant<A: serde::de::MapAccess<'de>>(tag: KindTag, rest: A) -> Result<Self, A::Error> {
        Ok(match tag {
            KindTag::Clients => Kind::Clients(fields(rest)?),
            KindTag::Dns => Kind::Dns(fields(rest)?),
            KindTag::LoadBalancer => Kind::LoadBalancer(fields(rest)?),
            KindTag::AppServer => Kind::AppServer(fields(rest)?),
            KindTag::Database => Kind::Database(fields(rest)?),
        })
    }
}

deserialize_tagged!(Kind);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Clients {
    pub weight: f64,
    pub timeout_ms: f64,
    /// Absent: many users, a connection per request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connections: Option<u32>,
    /// Added after format 1 was released: left out of files at its default, so files and links
    /// written before it read back (and write out) exactly as they were.
    #[serde(skip_serializing_if = "is_default_connect_timeout")]
    pub connect_timeout_ms: f64,
    /// Added after format 1 was released, like `connect_timeout_ms`; written whole or not at
    /// all.
    #[serde(skip_serializing_if = "is_default_retry")]
    pub retry: Retry,
}

/// A client population's retry policy (`model::Retry`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retry {
    pub max_attempts: u32,
    pub base_ms: f64,
    pub cap_ms: f64,
}

fn is_default_connect_timeout(ms: &f64) -> bool {
    *ms == m::Clients::default().connect_timeout_ms
}

fn is_default_retry(r: &Retry) -> bool {
    m::Retry::from(r) == m::Retry::default()
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Dns {
    #[serde(with = "named")]
    pub policy: m::DnsPolicy,
    pub ttl_s: f64,
    pub health_check: HealthCheck,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LoadBalancer {
    #[serde(with = "named")]
    pub layer: m::LbLayer,
    #[serde(with = "named")]
    pub algorithm: m::LbAlgorithm,
    pub health_check: HealthCheck,
    /// Absent: false, whatever the layer (link format 1 froze that default); the editor sets
    /// an L4 balancer's `true` when the layer changes.
    pub fail_open: bool,
    /// Absent: true (what every balancer did before the setting existed, and an ALB's default).
    /// Written only when false, so files of designs without it stay as they were.
    #[serde(skip_serializing_if = "is_true")]
    pub cross_zone: bool,
    pub weights: Vec<TargetWeight>,
    pub deregistration_delay_s: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetWeight {
    pub target: String,
    pub weight: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HealthCheck {
    pub interval_s: f64,
    pub timeout_s: f64,
    pub unhealthy_threshold: u32,
    pub healthy_threshold: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AppServer {
    pub count: u32,
    pub vcpus: u32,
    pub processes: u32,
    pub cpu_ms: f64,
    #[serde(with = "named")]
    pub service: m::ServiceDist,
    pub db_queries: u32,
    pub write_ratio: f64,
    pub backlog: u32,
    pub restart_delay_s: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autoscaling: Option<AutoScaling>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Database {
    #[serde(with = "named")]
    pub role: m::DbRole,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    pub max_connections: u32,
    pub query_ms: f64,
    /// Added after format 1 was released: left out at its default so old links stay identical.
    #[serde(skip_serializing_if = "is_default_cpu_fraction")]
    pub query_cpu_fraction: f64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub proxy: bool,
    #[serde(with = "named")]
    pub service: m::ServiceDist,
    pub queue_limit: u32,
    pub failover_s: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    pub vcpus: u32,
}

model_default!(Clients Retry Dns LoadBalancer HealthCheck AppServer Database);

/// Whether a query's CPU share is the model's default (then a file or link leaves it out).
fn is_default_cpu_fraction(f: &f64) -> bool {
    f.to_bits() == m::Database::default().query_cpu_fraction.to_bits()
}

fn is_true(b: &bool) -> bool {
    *b
}

impl From<&m::Component> for Component {
    fn from(c: &m::Component) -> Self {
        Component { id: c.id.clone(), place: (&c.place).into(), x: c.x, y: c.y, kind: (&c.kind).into() }
    }
}

impl From<Component> for m::Component {
    fn from(c: Component) -> Self {
        m::Component { id: c.id, place: c.place.into(), x: c.x, y: c.y, kind: c.kind.into() }
    }
}

impl From<&m::Kind> for Kind {
    fn from(k: &m::Kind) -> Self {
        match k {
            m::Kind::Clients(c) => Kind::Clients(c.into()),
            m::Kind::Dns(d) => Kind::Dns(d.into()),
            m::Kind::LoadBalancer(l) => Kind::LoadBalancer(l.into()),
            m::Kind::AppServer(a) => Kind::AppServer(a.into()),
            m::Kind::Database(d) => Kind::Database(d.into()),
        }
    }
}

impl From<Kind> for m::Kind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Clients(c) => m::Kind::Clients(c.into()),
            Kind::Dns(d) => m::Kind::Dns(d.into()),
            Kind::LoadBalancer(l) => m::Kind::LoadBalancer(l.into()),
            Kind::AppServer(a) => m::Kind::AppServer(a.into()),
            Kind::Database(d) => m::Kind::Database(d.into()),
        }
    }
}

impl From<&m::Clients> for Clients {
    fn from(c: &m::Clients) -> Self {
        Clients {
            weight: c.weight,
            timeout_ms: c.timeout_ms,
            connections: c.connections,
            connect_timeout_ms: c.connect_timeout_ms,
            retry: (&c.retry).into(),
        }
    }
}

impl From<Clients> for m::Clients {
    fn from(c: Clients) -> Self {
        m::Clients {
            weight: c.weight,
            timeout_ms: c.timeout_ms,
            connections: c.connections,
            connect_timeout_ms: c.connect_timeout_ms,
            retry: (&c.retry).into(),
        }
    }
}

impl From<&m::Retry> for Retry {
    fn from(r: &m::Retry) -> Self {
        Retry { max_attempts: r.max_attempts, base_ms: r.base_ms, cap_ms: r.cap_ms }
    }
}

impl From<&Retry> for m::Retry {
    fn from(r: &Retry) -> Self {
        m::Retry { max_attempts: r.max_attempts, base_ms: r.base_ms, cap_ms: r.cap_ms }
    }
}

impl From<&m::Dns> for Dns {
    fn from(d: &m::Dns) -> Self {
        Dns { policy: d.policy, ttl_s: d.ttl_s, health_check: (&d.health_check).into() }
    }
}

impl From<Dns> for m::Dns {
    fn from(d: Dns) -> Self {
        m::Dns { policy: d.policy, ttl_s: d.ttl_s, health_check: d.health_check.into() }
    }
}

impl From<&m::LoadBalancer> for LoadBalancer {
    fn from(l: &m::LoadBalancer) -> Self {
        LoadBalancer {
            layer: l.layer,
            algorithm: l.algorithm,
            health_check: (&l.health_check).into(),
            fail_open: l.fail_open,
            cross_zone: l.cross_zone,
            weights: all(&l.weights),
            deregistration_delay_s: l.deregistration_delay_s,
        }
    }
}

impl From<LoadBalancer> for m::LoadBalancer {
    fn from(l: LoadBalancer) -> Self {
        m::LoadBalancer {
            layer: l.layer,
            algorithm: l.algorithm,
            health_check: l.health_check.into(),
            fail_open: l.fail_open,
            cross_zone: l.cross_zone,
            weights: into_all(l.weights),
            deregistration_delay_s: l.deregistration_delay_s,
        }
    }
}

impl From<&m::TargetWeight> for TargetWeight {
    fn from(w: &m::TargetWeight) -> Self {
        TargetWeight { target: w.target.clone(), weight: w.weight }
    }
}

impl From<TargetWeight> for m::TargetWeight {
    fn from(w: TargetWeight) -> Self {
        m::TargetWeight { target: w.target, weight: w.weight }
    }
}

impl From<&m::HealthCheck> for HealthCheck {
    fn from(h: &m::HealthCheck) -> Self {
        HealthCheck {
            interval_s: h.interval_s,
            timeout_s: h.timeout_s,
            unhealthy_threshold: h.unhealthy_threshold,
            healthy_threshold: h.healthy_threshold,
        }
    }
}

impl From<HealthCheck> for m::HealthCheck {
    fn from(h: HealthCheck) -> Self {
        m::HealthCheck {
            interval_s: h.interval_s,
            timeout_s: h.timeout_s,
            unhealthy_threshold: h.unhealthy_threshold,
            healthy_threshold: h.healthy_threshold,
        }
    }
}

impl From<&m::AppServer> for AppServer {
    fn from(a: &m::AppServer) -> Self {
        AppServer {
            count: a.count,
            vcpus: a.vcpus,
            processes: a.processes,
            cpu_ms: a.cpu_ms,
            service: a.service,
            db_queries: a.db_queries,
            write_ratio: a.write_ratio,
            backlog: a.backlog,
            restart_delay_s: a.restart_delay_s,
            autoscaling: a.autoscaling.as_ref().map(AutoScaling::from),
        }
    }
}

impl From<AppServer> for m::AppServer {
    fn from(a: AppServer) -> Self {
        m::AppServer {
            count: a.count,
            vcpus: a.vcpus,
            processes: a.processes,
            cpu_ms: a.cpu_ms,
            service: a.service,
            db_queries: a.db_queries,
            write_ratio: a.write_ratio,
            backlog: a.backlog,
            restart_delay_s: a.restart_delay_s,
            autoscaling: a.autoscaling.map(m::AutoScaling::from),
        }
    }
}

impl From<&m::Database> for Database {
    fn from(d: &m::Database) -> Self {
        Database {
            role: d.role,
            primary: d.primary.clone(),
            max_connections: d.max_connections,
            query_ms: d.query_ms,
            query_cpu_fraction: d.query_cpu_fraction,
            proxy: d.proxy,
            service: d.service,
            queue_limit: d.queue_limit,
            failover_s: d.failover_s,
            host: d.host.clone(),
            vcpus: d.vcpus,
        }
    }
}

impl From<Database> for m::Database {
    fn from(d: Database) -> Self {
        m::Database {
            role: d.role,
            primary: d.primary,
            max_connections: d.max_connections,
            query_ms: d.query_ms,
            query_cpu_fraction: d.query_cpu_fraction,
            proxy: d.proxy,
            service: d.service,
            queue_limit: d.queue_limit,
            failover_s: d.failover_s,
            host: d.host,
            vcpus: d.vcpus,
        }
    }
}
