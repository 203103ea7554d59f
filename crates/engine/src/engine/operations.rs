//! Operating the service: the scripted fault timeline, deployments and alarms.
//!
//! What runs the service rather than serves it. Deployments (`deploy`) and alarms (`alarms`)
//! are evaluated on their own clock (a deployment's tick, the end of each second) and act on
//! the tiers through `fleet`; timeline faults are applied by `faults` exactly as a click would.
//! Auto-scaling state sits with its tier (`App::asg`, one group per tier), driven from here
//! by the same second boundary.

use crate::model::FaultAction;

use super::alarms::AlarmRun;
use super::deploy::Deploy;

pub(super) struct Operations {
    /// The scenario's fault timeline, indexed by `Kind::Fault { index }`.
    pub timeline: Vec<FaultAction>,
    /// Deployments, the scenario's first and then those added with `Sim::deploy`.
    pub deploys: Vec<Deploy>,
    pub alarms: Vec<AlarmRun>,
}
