//! What is wrong with a field of a scenario ([`Diagnostic`]) in the page's language: a refused
//! edit, a refused link or file, a refused "Deploy now". The English wording is exactly
//! `Diagnostic`'s `Display` (which the runner prints); `tests/i18n_problems.rs` checks the two
//! agree for every variant. The path is the file's own field names, the same in both languages.

use super::reason::link_rule_key;
use super::{t, tf, Key, Lang};
use crate::model::{Diagnostic, Problem};

/// "app-1.count: must be between 1 and 64 (got 65)", in `lang`.
pub fn describe_diagnostic(lang: Lang, d: &Diagnostic) -> String {
    format!("{}: {}", d.path, describe_problem(lang, &d.problem))
}

/// The problem alone, starting in lower case in English (it follows a path and a colon).
pub fn describe_problem(lang: Lang, p: &Problem) -> String {
    use Problem::*;
    let s = |x: &dyn ToString| x.to_string();
    let (key, args): (Key, Vec<String>) = match p {
        NotFinite => (Key::PrbNotFinite, vec![]),
        OutOfRange { lo, hi, got } => {
            (Key::PrbOutOfRange, vec![lo.to_string(), hi.to_string(), got.to_string()])
        }
        // The English sentence has a '>', which no table text may hold (tests/i18n.rs keeps
        // them free of anything that looks like HTML): it comes from `Display` instead.
        MustBePositive if lang == Lang::En => return p.to_string(),
        MustBePositive => (Key::PrbMustBePositive, vec![]),
        AtMost { hi, got } => (Key::PrbAtMost, vec![hi.to_string(), got.to_string()]),
        WrongVersion { expected, got } => (Key::PrbWrongVersion, vec![s(expected), s(got)]),
        TooLong { max } => (Key::PrbTooLong, vec![s(max)]),
        ControlChars => (Key::PrbControlChars, vec![]),
        FormatChars => (Key::PrbFormatChars, vec![]),
        BadId => (Key::PrbBadId, vec![]),
        IdTwice => (Key::PrbIdTwice, vec![]),
        AppearsTwice => (Key::PrbAppearsTwice, vec![]),
        TooManyRegions(max) => (Key::PrbTooManyRegions, vec![s(max)]),
        TooManyComponents { max, got } => (Key::PrbTooManyComponents, vec![s(max), s(got)]),
        TooManyLinks { max, got } => (Key::PrbTooManyLinks, vec![s(max), s(got)]),
        TooManyFaults(max) => (Key::PrbTooManyFaults, vec![s(max)]),
        TooManyDeployments(max) => (Key::PrbTooManyDeployments, vec![s(max)]),
        TooManyAlarms(max) => (Key::PrbTooManyAlarms, vec![s(max)]),
        RegionNotInCatalog => (Key::PrbRegionNotInCatalog, vec![]),
        ZoneCount { max } => (Key::PrbZoneCount, vec![s(max)]),
        BadZoneName => (Key::PrbBadZoneName, vec![]),
        NoSuchZone { region, zone } => (Key::PrbNoSuchZone, vec![s(region), s(zone)]),
        NoSuchRegion(code) => (Key::PrbNoSuchRegion, vec![s(code)]),
        NoSuchComponent(id) => (Key::PrbNoSuchComponent, vec![s(id)]),
        NotAnAppServer(id) => (Key::PrbNotAnAppServer, vec![s(id)]),
        IsNotAnAppServer => (Key::PrbIsNotAnAppServer, vec![]),
        NotAutoScalingGroup(id) => (Key::PrbNotAutoScalingGroup, vec![s(id)]),
        NoSuchAlarm(id) => (Key::PrbNoSuchAlarm, vec![s(id)]),
        NoServer { id, index } => (Key::PrbNoServer, vec![s(id), s(index)]),
        NoProcess { id, server, index } => (Key::PrbNoProcess, vec![s(id), s(server), s(index)]),
        ShorterThanInterval => (Key::PrbShorterThanInterval, vec![]),
        PrimaryHasNoPrimary => (Key::PrbPrimaryHasNoPrimary, vec![]),
        NamePrimary => (Key::PrbNamePrimary, vec![]),
        NotAPrimary(id) => (Key::PrbNotAPrimary, vec![s(id)]),
        OneStandby => (Key::PrbOneStandby, vec![]),
        SharedHostSingle => (Key::PrbSharedHostSingle, vec![]),
        LinkToSelf => (Key::PrbLinkToSelf, vec![]),
        DuplicateLink => (Key::PrbDuplicateLink, vec![]),
        // The editor's refusal of a link says the same, as a sentence of its own.
        LinkKinds(rule) => return lower_first(t(lang, link_rule_key(*rule))),
        SpikeTooHigh { max } => (Key::PrbSpikeTooHigh, vec![max.to_string()]),
        AlarmIdUnique => (Key::PrbAlarmIdUnique, vec![]),
        MinAboveMax => (Key::PrbMinAboveMax, vec![]),
        CountOutsideGroup { min, max } => (Key::PrbCountOutsideGroup, vec![s(min), s(max)]),
        BeforeNow(now) => (Key::PrbBeforeNow, vec![now.to_string()]),
        NoRoomForSecondFleet(id) => (Key::PrbNoRoomForSecondFleet, vec![s(id)]),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    tf(lang, key, &args)
}

/// The first letter in lower case, unless it starts an acronym ("DNS answers …"). ASCII only,
/// like `capitalize`: Unicode case tables would cost ≈ 10 KB gzipped, and the texts start with
/// a Latin letter or Hangul.
fn lower_first(s: &str) -> String {
    let mut out = s.to_string();
    if !out.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase) {
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_lowercase();
        }
    }
    out
}
