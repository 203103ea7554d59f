//! Faults: what can break, at a click or on the scenario's scripted timeline.

/// A fault applied at a simulated time ("at 30 s zone a fails").
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduledFault {
    pub at_s: f64,
    pub action: FaultAction,
}

/// Something that breaks or is mended. Every breaking action has a mending one.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultAction {
    Kill {
        target: Target,
    },
    Revive {
        target: Target,
    },
    /// Adds round-trip time to every request between two zones (or inside one, if equal).
    AddLatency {
        a: super::Placement,
        b: super::Placement,
        ms: f64,
    },
    ClearLatency {
        a: super::Placement,
        b: super::Placement,
    },
    /// Cuts the network between two zones: nothing crosses until healed.
    Partition {
        a: super::Placement,
        b: super::Placement,
    },
    Heal {
        a: super::Placement,
        b: super::Placement,
    },
}

/// What a kill or revive applies to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A whole component: every host of an app tier, a load balancer, a database, DNS.
    Component {
        id: String,
    },
    /// One host of an app tier (0-based).
    Server {
        id: String,
        index: u32,
    },
    /// One worker process on one host of an app tier; the process manager restarts it.
    Process {
        id: String,
        server: u32,
        index: u32,
    },
    Zone {
        region: String,
        zone: String,
    },
    Region {
        region: String,
    },
}
