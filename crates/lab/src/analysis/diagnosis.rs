//! What the diagnosis says: the kind of limit, the component (if one is to blame), the
//! evidence a student can check on the screen, every saturated tier, and the fix that works.
//!
//! One value feeds the live callout and the runner's `--json` (`bottleneck: {component, kind,
//! evidence}`), so the two never disagree. It derives serde because a sweep's Web Worker sends
//! each point's diagnosis to the page (`sweep::message`), which words it in the reader's language.

use serde::{Deserialize, Serialize};

use super::Observed;

/// What limits the design. The names are the runner's JSON `kind`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitKind {
    /// An app tier's cores are busy: only more or bigger servers help.
    Cpu,
    /// An app tier's processes are all busy while its cores have room: more processes help.
    Workers,
    /// A database's cores are busy: a bigger class, read replicas or a cache help; more
    /// connections never do.
    DbCpu,
    /// A database's connections are all taken: a proxy or fewer app processes help.
    DbConnections,
    /// The round trip between the users and the servers dominates the response time.
    Network,
    /// Clients retry so much that the retries are the load (a retry storm).
    Retries,
    /// Something is down and requests fail.
    Outage,
    /// Every component has room to spare.
    None,
}

impl LimitKind {
    /// Stable snake_case name, the runner's JSON `kind`.
    pub fn key(self) -> &'static str {
        match self {
            LimitKind::Cpu => "cpu",
            LimitKind::Workers => "workers",
            LimitKind::DbCpu => "db_cpu",
            LimitKind::DbConnections => "db_connections",
            LimitKind::Network => "network",
            LimitKind::Retries => "retries",
            LimitKind::Outage => "outage",
            LimitKind::None => "none",
        }
    }
}

/// The fix that works for the limit found, tied to the book's step where one fits.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Suggestion {
    /// Step 1 → 2: the database shares the saturated host: give it its own server.
    DbOwnServer,
    /// Step 2 → 3: the only app server is saturated and nothing balances in front of it.
    ScaleOut,
    /// The cores of an app tier behind a load balancer are busy: more or bigger servers.
    AddServers,
    /// Step 4: fewer processes than cores leaves cores idle.
    MoreProcesses { vcpus: u32 },
    /// Every process waits (on its database, say) while the cores idle: more processes.
    MoreWorkers,
    /// The database's cores are busy: a bigger class, read replicas or a cache.
    DbBiggerClass { percent: u32 },
    /// The database's connections are all taken: a connection proxy or fewer app processes.
    DbProxy,
    /// One slow target under round robin while its siblings idle.
    LeastConnections,
    /// The users are far from the servers: serve them from a region nearer to them.
    NearerRegion,
    /// Retries multiply the load: fewer attempts, exponential backoff with jitter.
    FewerRetries,
    /// The only load balancer is down: a single point of failure.
    LbSpof,
    /// Something is down and nothing else serves: run copies in another zone.
    Redundancy,
    /// Nothing on the path fits: the evidence speaks alone.
    None,
}

/// A saturated component, with what it is short of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saturated {
    /// Index in scenario order.
    pub component: usize,
    pub id: String,
    pub kind: LimitKind,
    pub evidence: Observed,
    /// Requests refused per second because its queue is full (`None` while it has room).
    pub refusing_per_s: Option<f64>,
}

/// What the diagnosis rests on, by kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Evidence {
    None,
    /// A saturated component (cpu, workers, db_cpu, db_connections).
    Saturated {
        observed: Observed,
        /// Requests refused per second because its queue is full.
        refusing_per_s: Option<f64>,
        /// Busy while (almost) every request it serves has already timed out: the goodput
        /// (successful responses per second) against all responses per second.
        goodput_collapse: Option<Goodput>,
    },
    /// The users' round trip to the nearest servers that answer them.
    Network {
        rtt_ms: f64,
        users_region: String,
        served_region: String,
        /// Median response time over the window, in ms (0 when none).
        p50_ms: f64,
    },
    /// What is down and how many requests fail.
    Outage {
        error_rate: f64,
        /// Ids of the components that are down (or failing over, with errors).
        down: Vec<String>,
        /// A whole zone (`region/zone`) or region that is down, when one is.
        place: Option<String>,
    },
    Retries {
        attempts_per_request: f64,
        error_rate: f64,
    },
    /// More app processes want a connection than the database accepts: the ones without one
    /// fail every query "too many connections", however idle the database is.
    Connections {
        /// Worker processes × hosts of the app tiers that query the database (as built).
        processes: u32,
        max_connections: u32,
        /// Requests failed "too many connections", per second.
        refused_per_s: f64,
    },
}

/// Successful and all responses per second, for a goodput collapse.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goodput {
    pub goodput_rps: f64,
    pub throughput_rps: f64,
}

/// The diagnosis of a design over a window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub kind: LimitKind,
    /// The component to blame, in scenario order (none for a network limit, a retry storm, a
    /// whole zone down, or no limit).
    pub component: Option<usize>,
    pub id: Option<String>,
    pub evidence: Evidence,
    pub suggestion: Suggestion,
    /// Every saturated component, the limiting one first.
    pub saturated: Vec<Saturated>,
}

impl Diagnosis {
    /// Nothing limits the design.
    pub fn none() -> Diagnosis {
        Diagnosis {
            kind: LimitKind::None,
            component: None,
            id: None,
            evidence: Evidence::None,
            suggestion: Suggestion::None,
            saturated: Vec::new(),
        }
    }

    /// Whether something limits the design.
    pub fn is_limited(&self) -> bool {
        self.kind != LimitKind::None
    }
}
