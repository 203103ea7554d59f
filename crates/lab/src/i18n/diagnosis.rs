//! The diagnosis in words, for the bottleneck callout: a headline, the evidence, every other
//! saturated component, a goodput collapse, and the fix. Kept here (not in the view) so the
//! wording is checked natively, in both languages.

use super::labels::region_name;
use super::{format_percent, format_rate, t, tf, Key, Lang};
use crate::analysis::{Diagnosis, Evidence, LimitKind, Suggestion};

/// The callout's sentences; each `None` is a line not shown.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosisText {
    pub headline: String,
    pub evidence: Option<String>,
    /// Per resource: "CPU 93 % · workers 16 %".
    pub resources: Option<String>,
    /// The other saturated components, after the limiting one.
    pub also: Option<String>,
    pub collapse: Option<String>,
    pub suggestion: Option<String>,
}

/// The fix in words.
pub fn describe_suggestion(lang: Lang, s: Suggestion) -> Option<String> {
    Some(match s {
        Suggestion::DbOwnServer => t(lang, Key::SuggestDbOwnServer).to_string(),
        Suggestion::ScaleOut => t(lang, Key::SuggestScaleOut).to_string(),
        Suggestion::AddServers => t(lang, Key::SuggestAddServers).to_string(),
        Suggestion::MoreProcesses { vcpus } => tf(lang, Key::SuggestMoreProcesses, &[&vcpus.to_string()]),
        Suggestion::MoreWorkers => t(lang, Key::SuggestMoreWorkers).to_string(),
        Suggestion::DbBiggerClass { percent } => tf(lang, Key::SuggestDbBusy, &[&percent.to_string()]),
        Suggestion::DbProxy => t(lang, Key::SuggestDbProxy).to_string(),
        Suggestion::LeastConnections => t(lang, Key::SuggestLeastConnections).to_string(),
        Suggestion::NearerRegion => t(lang, Key::SuggestNearerRegion).to_string(),
        Suggestion::FewerRetries => t(lang, Key::SuggestFewerRetries).to_string(),
        Suggestion::LbSpof => t(lang, Key::SuggestLbSpof).to_string(),
        Suggestion::Redundancy => t(lang, Key::SuggestRedundancy).to_string(),
        Suggestion::None => return None,
    })
}

fn limit_label(lang: Lang, k: LimitKind) -> &'static str {
    match k {
        LimitKind::Workers => t(lang, Key::LimitWorkers),
        LimitKind::DbCpu => t(lang, Key::LimitDbCpu),
        LimitKind::DbConnections => t(lang, Key::LimitDbConnections),
        _ => t(lang, Key::LimitCpu),
    }
}

/// Percent with no decimals, as the callout shows utilisation.
fn pct(x: f64) -> String {
    format!("{:.0}", x * 100.0)
}

/// Words `d` for the callout.
pub fn describe_diagnosis(lang: Lang, d: &Diagnosis) -> DiagnosisText {
    let mut out = DiagnosisText {
        headline: t(lang, Key::BottleneckNone).to_string(),
        evidence: None,
        resources: None,
        also: None,
        collapse: None,
        suggestion: describe_suggestion(lang, d.suggestion),
    };
    let id = d.id.clone().unwrap_or_default();
    match &d.evidence {
        Evidence::None => {}
        Evidence::Saturated { observed: o, refusing_per_s, goodput_collapse } => {
            out.headline = tf(lang, Key::BottleneckIs, &[&id, limit_label(lang, d.kind)]);
            out.evidence = Some(match refusing_per_s {
                Some(n) => tf(
                    lang,
                    Key::BottleneckEvidenceFull,
                    &[&pct(o.utilization), &format_rate(*n), &format_percent(o.latency_share)],
                ),
                None => {
                    let growth = if o.queue_growth_per_s.abs() < 0.05 {
                        "0".to_string()
                    } else {
                        format!("{:.1}", o.queue_growth_per_s)
                    };
                    tf(
                        lang,
                        Key::BottleneckEvidence,
                        &[&pct(o.utilization), &growth, &format_percent(o.latency_share)],
                    )
                }
            });
            out.resources = match d.kind {
                LimitKind::Cpu | LimitKind::Workers if o.worker_utilization > 0.0 => Some(tf(
                    lang,
                    Key::BottleneckResourcesApp,
                    &[&pct(o.cpu_utilization), &pct(o.worker_utilization)],
                )),
                LimitKind::DbCpu | LimitKind::DbConnections => Some(tf(
                    lang,
                    Key::BottleneckResourcesDb,
                    &[&pct(o.cpu_utilization), &pct(o.connection_utilization)],
                )),
                _ => None,
            };
            out.collapse = goodput_collapse.map(|g| {
                tf(
                    lang,
                    Key::BottleneckGoodputCollapse,
                    &[&format_rate(g.goodput_rps), &format_rate(g.throughput_rps)],
                )
            });
        }
        Evidence::Outage { error_rate, down, place } => {
            let what = match place {
                Some(p) => match p.split_once('/') {
                    Some((region, zone)) => {
                        tf(lang, Key::BottleneckOutageZone, &[&region_name(lang, region), zone])
                    }
                    None => region_name(lang, p),
                },
                None => down.join(", "),
            };
            out.headline = tf(lang, Key::BottleneckOutage, &[&what, &format_percent(*error_rate)]);
        }
        Evidence::Network { rtt_ms, users_region, served_region, p50_ms } => {
            let share = if *p50_ms > 0.0 { format_percent((rtt_ms / p50_ms).min(1.0)) } else { "100".into() };
            out.headline = tf(
                lang,
                Key::BottleneckNetwork,
                &[
                    &region_name(lang, users_region),
                    &region_name(lang, served_region),
                    &format!("{rtt_ms:.0}"),
                    &share,
                ],
            );
        }
        Evidence::Connections { processes, max_connections, refused_per_s } => {
            out.headline = tf(lang, Key::BottleneckIs, &[&id, limit_label(lang, d.kind)]);
            out.evidence = Some(tf(
                lang,
                Key::BottleneckTooManyConnections,
                &[&processes.to_string(), &max_connections.to_string(), &format_rate(*refused_per_s)],
            ));
        }
        Evidence::Retries { attempts_per_request, error_rate } => {
            out.headline = tf(
                lang,
                Key::BottleneckRetries,
                &[&format!("{attempts_per_request:.2}"), &format_percent(*error_rate)],
            );
        }
    }
    let others: Vec<&str> =
        d.saturated.iter().filter(|s| Some(s.component) != d.component).map(|s| s.id.as_str()).collect();
    if !others.is_empty() {
        out.also = Some(tf(lang, Key::BottleneckAlso, &[&others.join(", ")]));
    }
    out
}
