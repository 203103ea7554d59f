//! Components a user places in a zone, and the properties the inspector edits.
//!
//! Defaults come from real systems; the catalog cites them. A tier of identical app servers is
//! one component with a `count`, not N copies, so a target group or an auto-scaling group stays
//! one thing in the model and on the canvas.

use super::Placement;

/// One box on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// Unique, human-readable id ("app-1"); links and faults refer to it. Plain text.
    pub id: String,
    pub place: Placement,
    /// Position of the component's centre on the canvas, in canvas units.
    pub x: f64,
    pub y: f64,
    pub kind: Kind,
}

/// What a component is, with the properties that kind has.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Clients(Clients),
    Dns(Dns),
    LoadBalancer(LoadBalancer),
    AppServer(AppServer),
    Database(Database),
}

impl Kind {
    /// The prefix used for fresh ids of this kind ("lb" -> "lb-2").
    pub fn id_prefix(&self) -> &'static str {
        match self {
            Kind::Clients(_) => "users",
            Kind::Dns(_) => "dns",
            Kind::LoadBalancer(_) => "lb",
            Kind::AppServer(_) => "app",
            Kind::Database(d) => match d.role {
                DbRole::Primary => "db",
                DbRole::Standby => "standby",
                DbRole::ReadReplica => "replica",
            },
        }
    }
}

/// A population of users near a zone. It sends `weight` of the scenario's traffic.
#[derive(Clone, Debug, PartialEq)]
pub struct Clients {
    /// Share of the total rate sent by this population, relative to the other populations.
    pub weight: f64,
    /// An attempt not answered within this time is counted as a timeout (and may be retried):
    /// a per-attempt timeout, like the AWS SDKs' `apiCallAttemptTimeout`.
    pub timeout_ms: f64,
    /// Keep-alive connections the population holds to a load balancer; each request rides one
    /// of them (round robin). `None`: many users, so every request comes on a connection of its
    /// own. It matters only behind an L4 balancer, which pins a connection, not a request, to a
    /// target: a few long-lived connections then load only a few targets.
    pub connections: Option<u32>,
    /// How long a client waits for a connection to be accepted before it gives up
    /// (`ConnectTimeout`). A dead host, balancer or a partition never answers, so a caller
    /// waits this long; a crashed process on a live host is refused at once. The default,
    /// 3,100 ms, is `connectTimeoutInMillis` of the AWS SDKs' `standard` defaults mode
    /// (AWS SDKs and Tools Reference Guide, "Smart configuration defaults").
    pub connect_timeout_ms: f64,
    /// How failed attempts are retried.
    pub retry: Retry,
}

impl Default for Clients {
    fn default() -> Self {
        Clients {
            weight: 1.0,
            timeout_ms: 10_000.0,
            connections: None,
            connect_timeout_ms: 3_100.0,
            retry: Retry::default(),
        }
    }
}

/// A client's retry policy: at most `max_attempts` attempts per request (1: retries off),
/// waiting before retry `k` (1, 2, …) a "full jitter" backoff, uniform in
/// `[0, min(base_ms x 2^(k-1), cap_ms))`.
///
/// Defaults are the AWS SDKs' `standard` retry mode: three attempts (AWS SDKs and Tools
/// Reference Guide, "Retry behavior"), an initial backoff of 1 s and a maximum backoff of 20 s
/// (the Rust SDK's `RetryConfig::standard()`: `initial_backoff` 1 s, `max_backoff` 20 s),
/// exponential with full jitter (Brooker, "Exponential Backoff And Jitter", AWS Architecture
/// Blog, 2015). The standard mode's retry quota (a token bucket that stops retries during an
/// outage) is not modelled: these clients retry as long as they have attempts left, which is
/// what an SDK with the quota turned off, or a hand-written retry loop, does.
///
/// Every failure the lab knows is retried: refused and timed-out connections, 5xx-like
/// answers (no healthy target, queue full, app error) and the client's own timeout, as the
/// SDKs retry transient errors, throttles and timeouts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Retry {
    pub max_attempts: u32,
    pub base_ms: f64,
    pub cap_ms: f64,
}

impl Retry {
    /// No retries: one attempt per request.
    pub const OFF: Retry = Retry { max_attempts: 1, base_ms: 1_000.0, cap_ms: 20_000.0 };
}

impl Default for Retry {
    fn default() -> Self {
        Retry { max_attempts: 3, base_ms: 1_000.0, cap_ms: 20_000.0 }
    }
}

/// A DNS service (like Route 53) answering with the entry point of a region.
#[derive(Clone, Debug, PartialEq)]
pub struct Dns {
    pub policy: DnsPolicy,
    /// How long clients cache an answer, in seconds.
    pub ttl_s: f64,
    /// DNS health checks of its targets: interval and failures before a target is dropped.
    pub health_check: HealthCheck,
}

impl Default for Dns {
    fn default() -> Self {
        // Route 53: health checks every 30 s, 3 failures; a 60 s TTL is common for failover.
        Dns {
            policy: DnsPolicy::Latency,
            ttl_s: 60.0,
            health_check: HealthCheck {
                interval_s: 30.0,
                timeout_s: 4.0,
                unhealthy_threshold: 3,
                healthy_threshold: 3,
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DnsPolicy {
    /// Answer with the healthy target nearest (lowest RTT) to the asking client.
    Latency,
    /// Answer with the first healthy target in link order (primary, then secondary).
    Failover,
    /// Spread answers evenly over healthy targets.
    RoundRobin,
}

/// A load balancer spreading requests over its healthy targets.
///
/// An L7 balancer (like an AWS Application Load Balancer) chooses a target for each request; an
/// L4 balancer (like an AWS Network Load Balancer) chooses one for each connection, and every
/// request on that connection goes to it (see [`Clients::connections`]).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadBalancer {
    pub layer: LbLayer,
    pub algorithm: LbAlgorithm,
    pub health_check: HealthCheck,
    /// With no healthy target: true sends to all targets anyway ("fail open"); false answers
    /// 503 "no healthy target". Its default depends on the layer ([`LbLayer::fails_open`]).
    pub fail_open: bool,
    /// Cross-zone load balancing: off, a request from clients in zone Z goes only to targets
    /// in zone Z while it has healthy ones. Its default depends on the layer
    /// ([`LbLayer::crosses_zones`]).
    pub cross_zone: bool,
    /// Per-target weights for the weighted algorithm, by target component id; missing = 1.
    pub weights: Vec<TargetWeight>,
    /// Connection draining: seconds a deregistered target keeps serving the requests it has.
    pub deregistration_delay_s: f64,
}

impl Default for LoadBalancer {
    fn default() -> Self {
        LoadBalancer {
            layer: LbLayer::L7,
            algorithm: LbAlgorithm::RoundRobin,
            health_check: HealthCheck::default(),
            fail_open: LbLayer::L7.fails_open(),
            cross_zone: LbLayer::L7.crosses_zones(),
            weights: Vec::new(),
            // AWS target groups: 300 s by default.
            deregistration_delay_s: 300.0,
        }
    }
}

impl LoadBalancer {
    /// Changes the layer; a setting still at the old layer's default takes the new layer's,
    /// one the user changed stays. (The file format cannot make these defaults depend on the
    /// layer: link format 1 reads an absent `fail_open` as false, whatever the layer.)
    pub fn set_layer(&mut self, layer: LbLayer) {
        if self.fail_open == self.layer.fails_open() {
            self.fail_open = layer.fails_open();
        }
        if self.cross_zone == self.layer.crosses_zones() {
            self.cross_zone = layer.crosses_zones();
        }
        self.layer = layer;
    }
}

impl LbLayer {
    /// Whether a new balancer of this layer fails open. L4: yes, as an AWS NLB ("if the load
    /// balancer doesn't have enough healthy targets, it automatically sends traffic to all
    /// registered targets"). L7: no, the lab's own default, so an empty target group shows its
    /// 503; an AWS ALB fails open too, which `fail_open: true` models.
    pub fn fails_open(self) -> bool {
        self == LbLayer::L4
    }

    /// Whether a new balancer of this layer balances across zones. L4: no, as an AWS NLB
    /// ("cross-zone load balancing is off by default"); L7: yes, as an AWS ALB ("always turned
    /// on at the load balancer level").
    pub fn crosses_zones(self) -> bool {
        self == LbLayer::L7
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetWeight {
    pub target: String,
    pub weight: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LbLayer {
    /// Network load balancer: forwards connections, sees no HTTP.
    L4,
    /// Application load balancer: terminates HTTP.
    L7,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LbAlgorithm {
    RoundRobin,
    LeastConnections,
    Random,
    PowerOfTwo,
    Weighted,
}

impl LbAlgorithm {
    pub const ALL: [LbAlgorithm; 5] = [
        LbAlgorithm::RoundRobin,
        LbAlgorithm::LeastConnections,
        LbAlgorithm::Random,
        LbAlgorithm::PowerOfTwo,
        LbAlgorithm::Weighted,
    ];
}

/// Health-check settings of a load balancer (or DNS) for each of its targets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HealthCheck {
    pub interval_s: f64,
    pub timeout_s: f64,
    /// Consecutive failed checks before a healthy target is taken out.
    pub unhealthy_threshold: u32,
    /// Consecutive passed checks before an unhealthy target is put back.
    pub healthy_threshold: u32,
}

impl Default for HealthCheck {
    /// AWS Application Load Balancer target-group defaults: interval 30 s, timeout 5 s,
    /// healthy threshold 5, unhealthy threshold 2.
    fn default() -> Self {
        HealthCheck { interval_s: 30.0, timeout_s: 5.0, unhealthy_threshold: 2, healthy_threshold: 5 }
    }
}

/// A tier of identical app servers (`count` hosts), each with `vcpus` cores and `processes`
/// worker processes behind a process manager.
#[derive(Clone, Debug, PartialEq)]
pub struct AppServer {
    /// Number of identical hosts in this tier (a target group).
    pub count: u32,
    pub vcpus: u32,
    /// Worker processes per host. Each serves one request at a time and stays busy while it
    /// waits for its database queries (a synchronous worker).
    pub processes: u32,
    /// Mean CPU time one request needs, in milliseconds.
    pub cpu_ms: f64,
    pub service: ServiceDist,
    /// Database queries each request makes, one after another.
    pub db_queries: u32,
    /// Fraction of those queries that are writes (go to the primary).
    pub write_ratio: f64,
    /// Requests waiting for a free process, per host, before new ones are refused.
    pub backlog: u32,
    /// Seconds the process manager takes to restart a crashed process.
    pub restart_delay_s: f64,
    /// Makes this tier an auto-scaling group (`count` is then its desired capacity at start).
    pub autoscaling: Option<super::AutoScaling>,
}

impl Default for AppServer {
    fn default() -> Self {
        AppServer {
            count: 1,
            vcpus: 2,
            processes: 1,
            cpu_ms: 10.0,
            service: ServiceDist::Exponential,
            db_queries: 1,
            write_ratio: 0.2,
            backlog: 1024,
            restart_delay_s: 2.0,
            autoscaling: None,
        }
    }
}

/// The distribution of service times around their mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceDist {
    Exponential,
    Constant,
}

/// A database node. A primary takes writes (and reads); a standby in another zone replaces a
/// failed primary after `failover_s`; a read replica serves reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Database {
    pub role: DbRole,
    /// For a standby or read replica: the id of its primary.
    pub primary: Option<String>,
    /// Connections the server accepts. Without a proxy each app worker process holds one from
    /// its pool for its whole life (a synchronous worker does), so processes x hosts up beyond
    /// this fail their requests "too many connections"; with `proxy`, the queries wait for
    /// one of these server connections instead.
    pub max_connections: u32,
    /// Mean time one query takes, in milliseconds: its CPU part (on one of the database's
    /// cores) and its wait (I/O, locks: no core), split by `query_cpu_fraction`.
    pub query_ms: f64,
    /// Share of `query_ms` that needs a core (0..=1). The default, 0.5, is a teaching default
    /// (an OLTP query both computes and waits), not a measured figure.
    pub query_cpu_fraction: f64,
    /// A connection proxy in front of the database (like RDS Proxy or PgBouncer): app
    /// processes connect to the proxy, which multiplexes their queries over the server's
    /// `max_connections`, so scaling out app servers never exhausts them.
    pub proxy: bool,
    pub service: ServiceDist,
    /// Queries that may wait for a connection before new ones are refused.
    pub queue_limit: u32,
    /// Seconds a managed multi-AZ database takes to promote its standby.
    pub failover_s: f64,
    /// Runs on this app server's host (book step 1): shares its cores and its fate.
    pub host: Option<String>,
    /// Size of the database instance (its price class): its cores. The CPU part of a query
    /// needs one; connections beyond the cores queue for them. On an app host (`host`) the
    /// host's cores are used instead.
    pub vcpus: u32,
}

impl Default for Database {
    fn default() -> Self {
        Database {
            role: DbRole::Primary,
            primary: None,
            max_connections: 100,
            query_ms: 5.0,
            query_cpu_fraction: 0.5,
            proxy: false,
            service: ServiceDist::Exponential,
            queue_limit: 1000,
            failover_s: 90.0,
            host: None,
            vcpus: 2,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbRole {
    Primary,
    Standby,
    ReadReplica,
}
