//! Faults in words, for the chaos panel, the scripted timeline and presentation mode.

use super::{format_ms, format_time, region_name, tf, zone_label, Key, Lang};
use crate::model::{FaultAction, Placement, ScheduledFault, Target};

/// "app-1 server 2", "zone ap-northeast-2a", "Seoul region" … (servers count from 1).
pub fn describe_target(lang: Lang, target: &Target) -> String {
    match target {
        Target::Component { id } => id.clone(),
        Target::Server { id, index } => tf(lang, Key::ServerOf, &[id, &(index + 1).to_string()]),
        Target::Process { id, server, index } => {
            tf(lang, Key::ProcessOf, &[id, &(server + 1).to_string(), &(index + 1).to_string()])
        }
        Target::Zone { region, zone } => zone_label(lang, region, zone),
        Target::Region { region } => tf(lang, Key::RegionLabel, &[&region_name(lang, region)]),
    }
}

fn place(lang: Lang, p: &Placement) -> String {
    zone_label(lang, &p.region, &p.zone)
}

/// "Kill zone ap-northeast-2a", "Cut the network between … and …".
pub fn describe_fault(lang: Lang, action: &FaultAction) -> String {
    match action {
        FaultAction::Kill { target } => tf(lang, Key::FaultKill, &[&describe_target(lang, target)]),
        FaultAction::Revive { target } => tf(lang, Key::FaultRevive, &[&describe_target(lang, target)]),
        FaultAction::AddLatency { a, b, ms } => tf(
            lang,
            Key::FaultAddLatency,
            &[&place(lang, a), &place(lang, b), &format!("{} ms", format_ms(*ms))],
        ),
        FaultAction::ClearLatency { a, b } => {
            tf(lang, Key::FaultClearLatency, &[&place(lang, a), &place(lang, b)])
        }
        FaultAction::Partition { a, b } => tf(lang, Key::FaultPartition, &[&place(lang, a), &place(lang, b)]),
        FaultAction::Heal { a, b } => tf(lang, Key::FaultHeal, &[&place(lang, a), &place(lang, b)]),
    }
}

/// "At 30.0 s: Kill zone ap-northeast-2a", one line of the on-screen timeline.
pub fn describe_scheduled(lang: Lang, f: &ScheduledFault) -> String {
    tf(lang, Key::FaultAt, &[&format_time(f.at_s), &describe_fault(lang, &f.action)])
}
