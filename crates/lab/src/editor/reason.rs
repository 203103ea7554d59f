//! Why the editor refused a command, a drop or a typed value: a reason with its data, never a
//! sentence. `crate::i18n::describe_reason` words it in the page's language; [`Reason`]'s
//! `Display` is the English wording (for the native tests and tools), and `tests/i18n_labels.rs`
//! checks that the two agree for every variant. The editor itself stays free of languages.

use std::fmt;

use crate::model::{Diagnostic, LinkRule};

/// One reason for a refusal or a field error. Numbers are carried as numbers so both
/// languages show the same ones.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    // placing, deleting, duplicating, renaming
    NeedPrimary,
    EveryPrimaryHasStandby,
    DropInZone,
    DropIdInZone(String),
    NothingToDuplicate,
    BadId,
    IdTaken(String),
    NoComponent(String),
    PrimaryOf {
        primary: String,
        copy: String,
    },
    HasStandby {
        primary: String,
        standby: String,
    },
    // links
    LinkSelf,
    LinkEnds,
    LinkExists {
        from: String,
        to: String,
    },
    LinkKinds(LinkRule),
    // regions and zones
    NotInCatalog(String),
    RegionOnCanvas(String),
    MaxRegions(usize),
    NoRegion(String),
    MaxZones(usize),
    NoZoneLetter,
    ZoneNotEmpty {
        zone: String,
        held: usize,
    },
    NoZone {
        zone: String,
        region: String,
    },
    LastZone,
    TooNarrow,
    // alarms and deployments
    AlarmExists(String),
    NoAlarm(String),
    AlarmInUse {
        deployment: usize,
        alarm: String,
    },
    NoDeployment(usize),
    NotApp(String),
    NotGroup(String),
    PickMetric,
    PickAction,
    PickStrategy,
    // typed values
    WholeFrom {
        min: u32,
        max: u32,
    },
    Between {
        min: f64,
        max: f64,
    },
    MoreThan {
        min: f64,
        max: f64,
    },
    EnterNumber,
    Finite,
    PickChoice,
    TrueOrFalse,
    NotEditable,
    NoSuchField,
    NoFieldOf {
        id: String,
        key: String,
    },
    RoleFixed,
    LongerThanTimeout(f64),
    ShorterThanInterval(f64),
    GroupOff,
    PickSize,
    NotAboveMax(u32),
    NotAboveCount(u32),
    NotBelowMin(u32),
    NotBelowCount(u32),
    /// An app tier's count outside its auto-scaling group's min and max.
    CountOutsideGroup {
        min: u32,
        max: u32,
    },
    /// More than one host for an app tier that a database shares (the database's id).
    SharedHost(String),
    /// The edit would add this validation problem (quoted as `model::validate` words it).
    Invalid(Diagnostic),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Reason::*;
        match self {
            NeedPrimary => write!(f, "place a primary database first"),
            EveryPrimaryHasStandby => write!(f, "every primary already has a standby"),
            DropInZone => write!(f, "drop it inside an availability zone"),
            DropIdInZone(id) => write!(f, "drop {id} inside an availability zone"),
            NothingToDuplicate => write!(f, "select something to duplicate"),
            BadId => write!(f, "an id is 1-32 letters, digits, '-' or '_'"),
            IdTaken(id) => write!(f, "{id} is already taken"),
            NoComponent(id) => write!(f, "no component {id}"),
            PrimaryOf { primary, copy } => {
                write!(f, "{primary} is the primary of {copy}: delete it too, or first")
            }
            HasStandby { primary, standby } => {
                write!(f, "{primary} already has a standby: duplicate {standby} together with {primary}")
            }
            LinkSelf => write!(f, "a component cannot link to itself"),
            LinkEnds => write!(f, "both ends must be components"),
            LinkExists { from, to } => write!(f, "{from} is already connected to {to}"),
            LinkKinds(rule) => write!(f, "{rule}"),
            NotInCatalog(code) => write!(f, "{code} is not in the catalog"),
            RegionOnCanvas(code) => {
                let name = archlab_engine::catalog::region(code).map_or(code.as_str(), |r| r.name_en);
                write!(f, "{name} is already on the canvas")
            }
            MaxRegions(n) => write!(f, "at most {n} regions"),
            NoRegion(code) => write!(f, "no region {code}"),
            MaxZones(n) => write!(f, "a region holds at most {n} zones"),
            NoZoneLetter => write!(f, "no zone letter left"),
            ZoneNotEmpty { zone, held } => {
                write!(f, "zone {zone} holds {held} components: move or delete them first")
            }
            NoZone { zone, region } => write!(f, "no zone {zone} in {region}"),
            LastZone => write!(f, "a region keeps at least one zone: remove the region instead"),
            TooNarrow => write!(f, "the region would be too narrow"),
            AlarmExists(id) => write!(f, "there is already an alarm {id}"),
            NoAlarm(id) => write!(f, "no alarm {id}"),
            AlarmInUse { deployment, alarm } => {
                write!(f, "deployment {deployment} rolls back on {alarm}: change that first")
            }
            NoDeployment(n) => write!(f, "no deployment {n}"),
            NotApp(id) => write!(f, "{id} is not an app server"),
            NotGroup(id) => write!(f, "{id} is not an auto-scaling group: turn it on in the inspector"),
            PickMetric => write!(f, "pick one of the metrics"),
            PickAction => write!(f, "pick one of the actions"),
            PickStrategy => write!(f, "pick one of the strategies"),
            WholeFrom { min, max } => write!(f, "enter a whole number from {min} to {max}"),
            Between { min, max } => write!(f, "must be between {min} and {max}"),
            MoreThan { min, max } => {
                write!(f, "must be more than {min} and at most {max}")
            }
            EnterNumber => write!(f, "enter a number"),
            Finite => write!(f, "must be a finite number"),
            PickChoice => write!(f, "pick one of the choices"),
            TrueOrFalse => write!(f, "true or false"),
            NotEditable => write!(f, "this field cannot be edited here"),
            NoSuchField => write!(f, "no such field"),
            NoFieldOf { id, key } => write!(f, "{id} has no field {key}"),
            RoleFixed => write!(f, "a database's role is fixed: place a new one from the palette"),
            LongerThanTimeout(s) => write!(f, "must be longer than the timeout ({s} s)"),
            ShorterThanInterval(s) => write!(f, "must be shorter than the interval ({s} s)"),
            GroupOff => write!(f, "turn on the auto-scaling group first"),
            PickSize => write!(f, "pick one of the instance sizes"),
            NotAboveMax(n) => write!(f, "must not exceed max ({n})"),
            NotAboveCount(n) => write!(f, "must not exceed the desired count ({n} hosts)"),
            NotBelowMin(n) => write!(f, "must not be less than min ({n})"),
            NotBelowCount(n) => write!(f, "must not be less than the desired count ({n} hosts)"),
            CountOutsideGroup { min, max } => {
                write!(f, "the desired count must be between min {min} and max {max}")
            }
            SharedHost(db) => write!(f, "{db} runs on this server, so it must stay a single host (count 1)"),
            Invalid(d) => write!(f, "{d}"),
        }
    }
}
