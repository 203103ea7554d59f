//! What is wrong with one field of a scenario, as data rather than a sentence: the numbers and
//! ids ride along so the interface can say it in either language
//! (`crate::i18n::describe_diagnostic`). `Display` is the English wording that
//! `model::validate` has always printed (the runner, the tests and the docs quote it).

use std::fmt;

use super::LinkRule;

/// One kind of problem. Ids and names are stored as they are shown (escaped when they came
/// from untrusted text), so both languages quote the same characters.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    // numbers
    NotFinite,
    /// Outside `[lo, hi]` (whole numbers too: every `u32` is exact in an `f64`).
    OutOfRange {
        lo: f64,
        hi: f64,
        got: f64,
    },
    MustBePositive,
    AtMost {
        hi: f64,
        got: f64,
    },
    WrongVersion {
        expected: u32,
        got: u32,
    },
    // text and ids
    TooLong {
        max: usize,
    },
    ControlChars,
    /// Invisible format characters (bidi overrides and isolates, zero-width characters, …).
    FormatChars,
    BadId,
    IdTwice,
    AppearsTwice,
    // sizes of lists
    TooManyRegions(usize),
    TooManyComponents {
        max: usize,
        got: usize,
    },
    TooManyLinks {
        max: usize,
        got: usize,
    },
    TooManyFaults(usize),
    TooManyDeployments(usize),
    TooManyAlarms(usize),
    // regions and zones
    RegionNotInCatalog,
    ZoneCount {
        max: usize,
    },
    BadZoneName,
    NoSuchZone {
        region: String,
        zone: String,
    },
    NoSuchRegion(String),
    // references
    NoSuchComponent(String),
    /// The field names something that is not an app server (the path names the field).
    NotAnAppServer(String),
    /// The entry at the path is itself not an app server (a load balancer's weight).
    IsNotAnAppServer,
    NotAutoScalingGroup(String),
    NoSuchAlarm(String),
    NoServer {
        id: String,
        index: u32,
    },
    NoProcess {
        id: String,
        server: u32,
        index: u32,
    },
    // health checks, databases, links
    ShorterThanInterval,
    PrimaryHasNoPrimary,
    NamePrimary,
    NotAPrimary(String),
    OneStandby,
    SharedHostSingle,
    LinkToSelf,
    DuplicateLink,
    LinkKinds(LinkRule),
    // traffic and operations
    SpikeTooHigh {
        max: f64,
    },
    AlarmIdUnique,
    MinAboveMax,
    CountOutsideGroup {
        min: u32,
        max: u32,
    },
    /// A deployment added to a running lab cannot start in its past (the lab's clock, in s).
    BeforeNow(f64),
    /// Blue/green needs a second fleet's host slots, fixed when the run started.
    NoRoomForSecondFleet(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem::*;
        match self {
            NotFinite => write!(f, "must be a finite number"),
            OutOfRange { lo, hi, got } => {
                write!(f, "must be between {lo} and {hi} (got {got})")
            }
            MustBePositive => write!(f, "must be > 0"),
            AtMost { hi, got } => write!(f, "must be at most {hi} (got {got})"),
            WrongVersion { expected, got } => write!(f, "must be {expected} (got {got})"),
            TooLong { max } => write!(f, "is longer than {max} characters"),
            ControlChars => write!(f, "contains control characters"),
            FormatChars => write!(
                f,
                "contains invisible formatting characters (such as right-to-left overrides or zero-width spaces)"
            ),
            BadId => write!(f, "an id is 1-32 letters, digits, '-' or '_'"),
            IdTwice => write!(f, "id appears twice"),
            AppearsTwice => write!(f, "appears twice"),
            TooManyRegions(max) => write!(f, "at most {max} regions"),
            TooManyComponents { max, got } => write!(f, "at most {max} components (got {got})"),
            TooManyLinks { max, got } => write!(f, "at most {max} links (got {got})"),
            TooManyFaults(max) => write!(f, "at most {max} faults"),
            TooManyDeployments(max) => write!(f, "at most {max} deployments"),
            TooManyAlarms(max) => write!(f, "at most {max} alarms"),
            RegionNotInCatalog => write!(f, "is not a region in the catalog"),
            ZoneCount { max } => write!(f, "must hold 1 to {max} zones"),
            BadZoneName => write!(f, "a zone is one letter a-z"),
            NoSuchZone { region, zone } => write!(f, "zone {region}{zone} is not in the scenario"),
            NoSuchRegion(code) => write!(f, "region {code} is not in the scenario"),
            NoSuchComponent(id) => write!(f, "no component {id}"),
            NotAnAppServer(id) => write!(f, "{id} is not an app server"),
            IsNotAnAppServer => write!(f, "is not an app server"),
            NotAutoScalingGroup(id) => {
                write!(f, "{id} is not an auto-scaling group (set its autoscaling)")
            }
            NoSuchAlarm(id) => write!(f, "no alarm {id}"),
            NoServer { id, index } => write!(f, "{id} has no server {index}"),
            NoProcess { id, server, index } => write!(f, "{id} has no process {server}/{index}"),
            ShorterThanInterval => write!(f, "must be shorter than the interval"),
            PrimaryHasNoPrimary => write!(f, "a primary has no primary"),
            NamePrimary => write!(f, "name the primary this node copies"),
            NotAPrimary(id) => write!(f, "{id} is not a primary database"),
            OneStandby => write!(f, "a primary has at most one standby"),
            SharedHostSingle => write!(f, "a shared host must be a single app server (count 1)"),
            LinkToSelf => write!(f, "a component cannot link to itself"),
            DuplicateLink => write!(f, "duplicate link"),
            LinkKinds(rule) => write!(f, "{rule}"),
            SpikeTooHigh { max } => write!(f, "the spike would exceed {max} req/s"),
            AlarmIdUnique => write!(f, "an alarm needs a unique, non-empty id"),
            MinAboveMax => write!(f, "must not exceed max"),
            CountOutsideGroup { min, max } => {
                write!(f, "the desired count must be between min {min} and max {max}")
            }
            BeforeNow(now) => write!(f, "must not be before now ({now} s)"),
            NoRoomForSecondFleet(id) => write!(
                f,
                "{id} has no room for a second fleet in this run; schedule the blue/green deployment \
                 instead (the run restarts with room for it)"
            ),
        }
    }
}
