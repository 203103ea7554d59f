//! What the UI reads every frame: per-component state and the requests on the wire.

use super::Time;

/// The state of every component at one instant, in the scenario's component order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub time: Time,
    pub components: Vec<ComponentView>,
}

/// One component as drawn on the canvas. `index` is its position in `Scenario::components`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComponentView {
    pub index: usize,
    pub health: Health,
    /// Busy fraction over the last completed simulated second (0..=1) of the resource that
    /// limits: the largest of `cpu_utilization`, `worker_utilization` and
    /// `connection_utilization` (the time averages below, over the same second).
    pub utilization: f64,
    /// Busy cores ÷ cores of the hosts that are up. An app tier counts every busy core of its
    /// hosts, a co-located database's queries included (what `top` on the host shows); a
    /// database its own cores (`vcpus`), or, on an app host (book step 1), the share of that
    /// host's cores its queries use. 0 for clients, DNS and balancers.
    pub cpu_utilization: f64,
    /// App tiers: busy worker processes ÷ processes of the hosts up (a worker stays busy
    /// while it waits for its queries). 0 for other components.
    pub worker_utilization: f64,
    /// Databases: connections running a query ÷ `max_connections` (pooled connections that
    /// are idle do not count). 0 for other components.
    pub connection_utilization: f64,
    /// Requests waiting now (backlog of an app tier, connection queue of a database).
    pub queue: u32,
    /// Queue bound (0 when unbounded), so the UI can draw the queue as a fraction.
    pub queue_capacity: u32,
    /// Requests being served now.
    pub busy: u32,
    /// Servers that could serve at once (processes x hosts, connections).
    pub capacity: u32,
    /// Hosts up / billed hosts in the tier (1/1 for single components).
    pub servers_up: u32,
    pub servers_total: u32,
    /// Requests this component failed during the last completed simulated second.
    pub recent_errors: u64,
    /// For a load balancer: targets it currently considers healthy / targets on billed hosts
    /// (booting, in service or draining; a DNS: all its targets).
    pub healthy_targets: u32,
    pub total_targets: u32,
    /// For an app tier: hosts booting (or ready, waiting for a blue/green switch), in service
    /// and draining; hosts running a deployed version (not the scenario's own); billed hosts
    /// (the three states together) are `servers_total`.
    pub booting: u32,
    pub in_service: u32,
    pub draining: u32,
    pub new_version: u32,
}

/// Whether a component is serving.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Health {
    #[default]
    Up,
    /// Some hosts or processes of a tier are down, or a database is failing over.
    Degraded,
    Down,
}

/// A request (or its response) travelling between two components, for drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    /// Component indices: the dot moves from `from` towards `to`.
    pub from: u32,
    pub to: u32,
    /// 0 at `from`, 1 at `to`.
    pub progress: f32,
    /// A response travelling back (drawn differently from a request).
    pub response: bool,
    /// A response carrying an error.
    pub error: bool,
}
