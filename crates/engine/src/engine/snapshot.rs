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
    /// Busy fraction over the last completed simulated second (0..=1): busy processes of an app
    /// tier, busy connections of a database, busy cores where the CPU is the limit.
    pub utilization: f64,
    /// Busy cores ÷ cores of the hosts that are up, over the last completed second (0..=1).
    /// Placeholder until per-resource metering lands: for an app tier an upper bound from the
    /// model, `utilization × min(1, processes ÷ vCPUs)` (busy cores never exceed busy
    /// processes, nor the cores); for a database its utilisation.
    pub cpu_utilization: f64,
    /// Busy processes ÷ processes of the hosts that are up (app tiers; 0 elsewhere).
    pub worker_utilization: f64,
    /// Busy connections ÷ connection limit (databases; 0 elsewhere).
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
