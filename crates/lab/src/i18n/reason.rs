//! Why the editor refused a command, a drop or a typed value ([`Reason`]) in the page's
//! language. The English wording is `Reason`'s `Display` with a capital letter; numbers are
//! written the same way in both languages. A validation problem ([`Reason::Invalid`]) is
//! worded by `describe_diagnostic`, after its path.

use super::{describe_diagnostic, region_name, tf, Key, Lang};
use crate::editor::Reason;
use crate::model::LinkRule;

pub(super) fn link_rule_key(r: LinkRule) -> Key {
    match r {
        LinkRule::StandbyNotTarget => Key::RsnStandbyNotTarget,
        LinkRule::ClientsOnlyStart => Key::RsnClientsOnlyStart,
        LinkRule::DatabaseOnlyAnswers => Key::RsnDatabaseOnlyAnswers,
        LinkRule::ChainLbThroughDns => Key::RsnChainLbThroughDns,
        LinkRule::AppOnlyToDatabases => Key::RsnAppOnlyToDatabases,
        LinkRule::ClientsNeedApp => Key::RsnClientsNeedApp,
        LinkRule::DnsAnswersLbOrApp => Key::RsnDnsAnswersLbOrApp,
        LinkRule::LbOnlyToApps => Key::RsnLbOnlyToApps,
    }
}

/// The sentence for `r`, starting with a capital letter in English.
pub fn describe_reason(lang: Lang, r: &Reason) -> String {
    use Reason::*;
    let s = |x: &dyn ToString| x.to_string();
    let (key, args): (Key, Vec<String>) = match r {
        NeedPrimary => (Key::RsnNeedPrimary, vec![]),
        EveryPrimaryHasStandby => (Key::RsnEveryPrimaryHasStandby, vec![]),
        DropInZone => (Key::RsnDropInZone, vec![]),
        DropIdInZone(id) => (Key::RsnDropIdInZone, vec![s(id)]),
        NothingToDuplicate => (Key::RsnNothingToDuplicate, vec![]),
        BadId => (Key::RsnBadId, vec![]),
        IdTaken(id) => (Key::RsnIdTaken, vec![s(id)]),
        NoComponent(id) => (Key::RsnNoComponent, vec![s(id)]),
        PrimaryOf { primary, copy } => (Key::RsnPrimaryOf, vec![s(primary), s(copy)]),
        HasStandby { primary, standby } => (Key::RsnHasStandby, vec![s(primary), s(standby)]),
        LinkSelf => (Key::RsnLinkSelf, vec![]),
        LinkEnds => (Key::RsnLinkEnds, vec![]),
        LinkExists { from, to } => (Key::RsnLinkExists, vec![s(from), s(to)]),
        LinkKinds(rule) => (link_rule_key(*rule), vec![]),
        NotInCatalog(code) => (Key::RsnNotInCatalog, vec![s(code)]),
        RegionOnCanvas(code) => (Key::RsnRegionOnCanvas, vec![region_name(lang, code)]),
        MaxRegions(n) => (Key::RsnMaxRegions, vec![s(n)]),
        NoRegion(code) => (Key::RsnNoRegion, vec![s(code)]),
        MaxZones(n) => (Key::RsnMaxZones, vec![s(n)]),
        NoZoneLetter => (Key::RsnNoZoneLetter, vec![]),
        ZoneNotEmpty { zone, held } => (Key::RsnZoneNotEmpty, vec![s(zone), s(held)]),
        NoZone { zone, region } => (Key::RsnNoZone, vec![s(zone), s(region)]),
        LastZone => (Key::RsnLastZone, vec![]),
        TooNarrow => (Key::RsnTooNarrow, vec![]),
        AlarmExists(id) => (Key::RsnAlarmExists, vec![s(id)]),
        NoAlarm(id) => (Key::RsnNoAlarm, vec![s(id)]),
        AlarmInUse { deployment, alarm } => (Key::RsnAlarmInUse, vec![s(deployment), s(alarm)]),
        NoDeployment(n) => (Key::RsnNoDeployment, vec![s(n)]),
        NotApp(id) => (Key::RsnNotApp, vec![s(id)]),
        NotGroup(id) => (Key::RsnNotGroup, vec![s(id)]),
        PickMetric => (Key::RsnPickMetric, vec![]),
        PickAction => (Key::RsnPickAction, vec![]),
        PickStrategy => (Key::RsnPickStrategy, vec![]),
        WholeFrom { min, max } => (Key::RsnWholeFrom, vec![s(min), s(max)]),
        Between { min, max } => (Key::RsnBetween, vec![min.to_string(), max.to_string()]),
        MoreThan { min, max } => (Key::RsnMoreThan, vec![min.to_string(), max.to_string()]),
        EnterNumber => (Key::RsnEnterNumber, vec![]),
        Finite => (Key::RsnFinite, vec![]),
        PickChoice => (Key::RsnPickChoice, vec![]),
        TrueOrFalse => (Key::RsnTrueOrFalse, vec![]),
        NotEditable => (Key::RsnNotEditable, vec![]),
        NoSuchField => (Key::RsnNoSuchField, vec![]),
        NoFieldOf { id, key } => (Key::RsnNoFieldOf, vec![s(id), s(key)]),
        RoleFixed => (Key::RsnRoleFixed, vec![]),
        LongerThanTimeout(x) => (Key::RsnLongerThanTimeout, vec![x.to_string()]),
        ShorterThanInterval(x) => (Key::RsnShorterThanInterval, vec![x.to_string()]),
        GroupOff => (Key::RsnGroupOff, vec![]),
        PickSize => (Key::RsnPickSize, vec![]),
        NotAboveMax(n) => (Key::RsnNotAboveMax, vec![s(n)]),
        NotAboveCount(n) => (Key::RsnNotAboveCount, vec![s(n)]),
        NotBelowMin(n) => (Key::RsnNotBelowMin, vec![s(n)]),
        NotBelowCount(n) => (Key::RsnNotBelowCount, vec![s(n)]),
        CountOutsideGroup { min, max } => (Key::RsnCountOutsideGroup, vec![s(min), s(max)]),
        SharedHost(db) => (Key::RsnSharedHost, vec![s(db)]),
        // The path stays as the file spells it; English capitalizes the whole sentence below.
        Invalid(d) => (Key::RsnInvalid, vec![describe_diagnostic(lang, d)]),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    capitalize(&tf(lang, key, &args))
}

/// The first letter in upper case (a no-op for Korean). ASCII only: our sentences start with
/// a Latin letter or Hangul, and `char::to_uppercase` would link ≈ 10 KB (gzipped) of Unicode
/// case tables into the wasm.
pub fn capitalize(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
