//! The names the scenario format gives the fieldless enums ("round_robin", "l7"). They are part
//! of the format (the share layer reads and writes them, the editor offers them as choices),
//! so they live beside the types, once.

use super::*;

/// A fieldless enum with one name per variant in the scenario format.
pub trait Named: Copy + 'static {
    /// Every variant's name, in declaration order.
    const NAMES: &'static [&'static str];

    /// The name this value has in scenario files ("round_robin").
    fn name(self) -> &'static str;

    /// The value a scenario file names so, if any.
    fn from_name(name: &str) -> Option<Self>;
}

macro_rules! named {
    ($($ty:ident { $($variant:ident = $name:literal),+ })+) => {$(
        impl Named for $ty {
            const NAMES: &'static [&'static str] = &[$($name),+];

            fn name(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }

            fn from_name(name: &str) -> Option<Self> {
                match name { $($name => Some($ty::$variant),)+ _ => None }
            }
        }
    )+};
}

named! {
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
