//! Operating a service: auto-scaling groups, deployments of new versions, and alarms.
//!
//! The book's other two jobs of a production service — deploy new code safely, notice problems
//! at once — and the cloud's elasticity. All of it is scenario data, so a shared link carries
//! it and the same seed replays it.

/// Makes an app tier an auto-scaling group: its `count` is the desired capacity at start.
#[derive(Clone, Debug, PartialEq)]
pub struct AutoScaling {
    pub min: u32,
    pub max: u32,
    /// Target-tracking policy: keep the tier's average CPU (busy cores, as CloudWatch's
    /// `CPUUtilization`) near this percent.
    pub target_cpu_pct: f64,
    /// Seconds from launch until a new server passes its first health check (boot + app start).
    pub boot_s: f64,
    /// Seconds after it is healthy before a new server's metrics count toward scaling.
    pub warmup_s: f64,
    /// Seconds after a scaling action before another one of the same direction.
    pub cooldown_s: f64,
}

impl Default for AutoScaling {
    /// EC2 Auto Scaling defaults: 300 s cooldown and warm-up; a typical app boots in ~90 s.
    fn default() -> Self {
        AutoScaling { min: 1, max: 8, target_cpu_pct: 60.0, boot_s: 90.0, warmup_s: 300.0, cooldown_s: 300.0 }
    }
}

/// A new version rolled out to an app tier at a given time.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    pub at_s: f64,
    /// The app tier (component id) that gets the new version.
    pub tier: String,
    pub strategy: Strategy,
    /// How the new version behaves: a good one has no extra errors or latency.
    pub version: Version,
    /// Seconds a replaced or new server takes to boot the version and pass its first health
    /// check (30 s when absent).
    pub boot_s: f64,
    /// Alarm whose firing rolls the deployment back (by alarm id).
    pub rollback_on: Option<String>,
}

/// A deployment's `boot_s` when its file leaves it out.
pub const DEFAULT_BOOT_S: f64 = 30.0;

#[derive(Clone, Debug, PartialEq)]
pub enum Strategy {
    /// Every server is replaced at once: an outage of about one boot time.
    AllAtOnce,
    /// `batch` servers at a time leave the target group (draining), are replaced, and return.
    Rolling { batch: u32, pause_s: f64 },
    /// A full second fleet boots, traffic switches over, the old fleet drains and stops.
    BlueGreen,
}

/// How a deployed version behaves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Version {
    /// Fraction of requests the new version fails (0..1).
    pub error_rate: f64,
    /// Extra CPU time per request, in ms.
    pub extra_ms: f64,
}

/// A CloudWatch-style alarm: `metric` compared with `threshold` over `evaluation_periods`
/// consecutive periods of `period_s`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alarm {
    pub id: String,
    pub metric: AlarmMetric,
    pub above: bool,
    pub threshold: f64,
    pub period_s: f64,
    pub evaluation_periods: u32,
    pub action: AlarmAction,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AlarmMetric {
    P95Ms,
    ErrorRatePct,
    /// Busy percent of a component (app tier: processes; database: connections).
    CpuPct {
        component: String,
    },
    Queue {
        component: String,
    },
    /// Healthy hosts of a tier (or 1/0 for a single component).
    Healthy {
        component: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum AlarmAction {
    /// Only shown and logged.
    #[default]
    Notify,
    ScaleOut {
        tier: String,
        step: u32,
    },
    ScaleIn {
        tier: String,
        step: u32,
    },
    /// Rolls back the deployment in progress that names this alarm.
    Rollback,
}
