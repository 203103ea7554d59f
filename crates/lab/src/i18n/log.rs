//! The event log in plain language: one sentence per [`LogKind`], naming the component.

use super::{cause_key, format_duration, format_number, format_time, region_name, t, tf, Key, Lang};
use crate::engine::{to_secs, AlarmState, DeployKind, LogEntry, LogKind, ScaleReason};
use crate::model::{Kind, Scenario};

/// What the log needs to know about the scenario to name things: component ids in scenario
/// order, and how many hosts each has (a one-host tier is named without a server number).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    pub ids: Vec<String>,
    pub hosts: Vec<u32>,
    /// Put every user text (component and alarm ids, partition ends) between FIRST STRONG
    /// ISOLATE and POP DIRECTIONAL ISOLATE, so a right-to-left id cannot reorder the lab's own
    /// sentence around it. The page turns it on; plain-text output (the runner, tests) does not.
    pub isolate: bool,
}

impl Names {
    pub fn of(s: &Scenario) -> Names {
        Names {
            ids: s.components.iter().map(|c| c.id.clone()).collect(),
            hosts: s
                .components
                .iter()
                .map(|c| match &c.kind {
                    // Hosts the tier may have: numbered as soon as it could have more than one.
                    Kind::AppServer(a) => {
                        let deployed = s.deployments.iter().any(|d| d.tier == c.id);
                        let max = a.autoscaling.as_ref().map_or(a.count, |g| g.max.max(a.count));
                        if deployed {
                            max.max(2)
                        } else {
                            max
                        }
                    }
                    _ => 1,
                })
                .collect(),
            isolate: false,
        }
    }

    /// A user's text as it goes into a sentence (isolated when [`Names::isolate`] is on).
    pub fn user(&self, text: &str) -> String {
        if self.isolate {
            format!("\u{2068}{text}\u{2069}")
        } else {
            text.to_string()
        }
    }

    fn component(&self, lang: Lang, i: usize) -> String {
        match self.ids.get(i) {
            Some(id) => self.user(id),
            None => t(lang, Key::UnknownComponent).to_string(),
        }
    }

    fn component_opt(&self, lang: Lang, i: Option<usize>) -> String {
        match i {
            Some(i) => self.component(lang, i),
            None => t(lang, Key::UnknownComponent).to_string(),
        }
    }

    /// "app-1" for a single host, "app-1 server 3" in a tier (servers count from 1 for people).
    fn server(&self, lang: Lang, i: usize, server: u32) -> String {
        let name = self.component(lang, i);
        if self.hosts.get(i).copied().unwrap_or(1) <= 1 {
            name
        } else {
            tf(lang, Key::ServerOf, &[&name, &(server + 1).to_string()])
        }
    }
}

/// "ap-northeast-2a" from the engine's "region/zone" or "region zone" pair.
fn zone(region: &str, zone: &str) -> String {
    format!("{region}{zone}")
}

/// The sentence for one log entry, without its timestamp (see [`describe_log_line`]).
pub fn describe_log(lang: Lang, e: &LogEntry, names: &Names) -> String {
    let me = || names.component_opt(lang, e.component);
    let host = |server: u32| match e.component {
        Some(i) => names.server(lang, i, server),
        None => me(),
    };
    let n = |x: u32| (x + 1).to_string();
    match &e.kind {
        LogKind::FaultInjected { what } => {
            tf(lang, Key::LogFaultInjected, &[&super::describe_fault(lang, &what.0)])
        }
        LogKind::ServerDown { server } => tf(lang, Key::LogServerDown, &[&host(*server)]),
        LogKind::ServerUp { server } => tf(lang, Key::LogServerUp, &[&host(*server)]),
        LogKind::ProcessCrashed { server, process } => {
            tf(lang, Key::LogProcessCrashed, &[&host(*server), &n(*process)])
        }
        LogKind::ProcessRestarted { server, process } => {
            tf(lang, Key::LogProcessRestarted, &[&host(*server), &n(*process)])
        }
        LogKind::ComponentDown => tf(lang, Key::LogComponentDown, &[&me()]),
        LogKind::ComponentUp => tf(lang, Key::LogComponentUp, &[&me()]),
        LogKind::TargetUnhealthy { target, server, failures } => tf(
            lang,
            Key::LogTargetUnhealthy,
            &[&me(), &names.server(lang, *target, *server), &failures.to_string()],
        ),
        LogKind::TargetHealthy { target, server, passes } => tf(
            lang,
            Key::LogTargetHealthy,
            &[&me(), &names.server(lang, *target, *server), &passes.to_string()],
        ),
        LogKind::NoHealthyTargets => tf(lang, Key::LogNoHealthyTargets, &[&me()]),
        LogKind::DnsRemoved { target } => {
            tf(lang, Key::LogDnsRemoved, &[&me(), &names.component(lang, *target)])
        }
        LogKind::DnsRestored { target } => {
            tf(lang, Key::LogDnsRestored, &[&me(), &names.component(lang, *target)])
        }
        LogKind::FailoverStarted { standby, seconds } => tf(
            lang,
            Key::LogFailoverStarted,
            &[&me(), &names.component(lang, *standby), &format_duration(lang, *seconds)],
        ),
        LogKind::FailoverDone { standby } => {
            tf(lang, Key::LogFailoverDone, &[&names.component(lang, *standby)])
        }
        LogKind::QueueFull => tf(lang, Key::LogQueueFull, &[&me()]),
        LogKind::Errors { cause, count } => {
            let count = format_number(*count);
            let cause = t(lang, cause_key(*cause));
            match e.component {
                Some(_) => tf(lang, Key::LogErrors, &[&me(), &count, cause]),
                None => tf(lang, Key::LogErrorsAll, &[&count, cause]),
            }
        }
        LogKind::ZoneDown { region, zone: z } => tf(lang, Key::LogZoneDown, &[&zone(region, z)]),
        LogKind::ZoneUp { region, zone: z } => tf(lang, Key::LogZoneUp, &[&zone(region, z)]),
        LogKind::RegionDown { region } => tf(lang, Key::LogRegionDown, &[&region_name(lang, region)]),
        LogKind::RegionUp { region } => tf(lang, Key::LogRegionUp, &[&region_name(lang, region)]),
        LogKind::Partitioned { a, b } => tf(lang, Key::LogPartitioned, &[&names.user(a), &names.user(b)]),
        LogKind::Healed { a, b } => tf(lang, Key::LogHealed, &[&names.user(a), &names.user(b)]),
        LogKind::LatencyAdded { a, b, ms } => tf(
            lang,
            Key::LogLatencyAdded,
            &[&names.user(a), &names.user(b), &format!("{} ms", super::format_ms(*ms))],
        ),
        LogKind::LatencyCleared { a, b } => {
            tf(lang, Key::LogLatencyCleared, &[&names.user(a), &names.user(b)])
        }
        LogKind::ScaledOut { from, to, reason } | LogKind::ScaledIn { from, to, reason } => {
            let key = if matches!(e.kind, LogKind::ScaledOut { .. }) {
                Key::LogScaledOut
            } else {
                Key::LogScaledIn
            };
            let why = match reason {
                ScaleReason::Cpu { pct } => tf(lang, Key::ScaleReasonCpu, &[&format!("{pct:.0}%")]),
                ScaleReason::Alarm { alarm } => tf(lang, Key::ScaleReasonAlarm, &[&names.user(alarm)]),
            };
            tf(lang, key, &[&me(), &from.to_string(), &to.to_string(), &why])
        }
        LogKind::HostLaunched { server } => tf(lang, Key::LogHostLaunched, &[&host(*server)]),
        LogKind::HostInService { server } => tf(lang, Key::LogHostInService, &[&host(*server)]),
        LogKind::HostDraining { server } => tf(lang, Key::LogHostDraining, &[&host(*server)]),
        LogKind::HostTerminated { server } => tf(lang, Key::LogHostTerminated, &[&host(*server)]),
        LogKind::DeploymentStarted { kind } => {
            let k = match kind {
                DeployKind::AllAtOnce => Key::DeployAllAtOnce,
                DeployKind::Rolling => Key::DeployRolling,
                DeployKind::BlueGreen => Key::DeployBlueGreen,
            };
            tf(lang, Key::LogDeploymentStarted, &[&me(), t(lang, k)])
        }
        LogKind::DeploymentBatchDone { done, total } => {
            tf(lang, Key::LogDeploymentBatchDone, &[&me(), &done.to_string(), &total.to_string()])
        }
        LogKind::DeploymentFinished => tf(lang, Key::LogDeploymentFinished, &[&me()]),
        LogKind::DeploymentRolledBack { alarm } => {
            tf(lang, Key::LogDeploymentRolledBack, &[&me(), &names.user(alarm)])
        }
        LogKind::AlarmStateChanged { alarm, from, to, value } => tf(
            lang,
            Key::LogAlarmStateChanged,
            &[
                &names.user(alarm),
                t(lang, alarm_key(*from)),
                t(lang, alarm_key(*to)),
                &super::format_ms(*value),
            ],
        ),
    }
}

/// The name of an alarm state.
pub fn alarm_key(s: AlarmState) -> Key {
    match s {
        AlarmState::Ok => Key::AlarmOk,
        AlarmState::Alarm => Key::AlarmAlarm,
        AlarmState::InsufficientData => Key::AlarmInsufficientData,
    }
}

/// "12.3 s  app-2: queue full, requests rejected": the line as the event log shows it.
pub fn describe_log_line(lang: Lang, e: &LogEntry, names: &Names) -> String {
    format!("{}  {}", format_time(to_secs(e.time)), describe_log(lang, e, names))
}
