//! The key for each value of the model's and the engine's enums, and display names of places.

use super::{tf, Key, Lang};
use crate::engine::{ErrorCause, Health};
use crate::model::{DbRole, DnsPolicy, LbAlgorithm, LbLayer, Pattern, ServiceDist};

pub fn algorithm_key(a: LbAlgorithm) -> Key {
    match a {
        LbAlgorithm::RoundRobin => Key::AlgoRoundRobin,
        LbAlgorithm::LeastConnections => Key::AlgoLeastConnections,
        LbAlgorithm::Random => Key::AlgoRandom,
        LbAlgorithm::PowerOfTwo => Key::AlgoPowerOfTwo,
        LbAlgorithm::Weighted => Key::AlgoWeighted,
    }
}

pub fn layer_key(l: LbLayer) -> Key {
    match l {
        LbLayer::L4 => Key::LayerL4,
        LbLayer::L7 => Key::LayerL7,
    }
}

pub fn dns_policy_key(p: DnsPolicy) -> Key {
    match p {
        DnsPolicy::Latency => Key::DnsLatency,
        DnsPolicy::Failover => Key::DnsFailover,
        DnsPolicy::RoundRobin => Key::DnsRoundRobin,
    }
}

pub fn role_key(r: DbRole) -> Key {
    match r {
        DbRole::Primary => Key::RolePrimary,
        DbRole::Standby => Key::RoleStandby,
        DbRole::ReadReplica => Key::RoleReadReplica,
    }
}

pub fn service_key(s: ServiceDist) -> Key {
    match s {
        ServiceDist::Exponential => Key::ServiceExponential,
        ServiceDist::Constant => Key::ServiceConstant,
    }
}

pub fn pattern_key(p: &Pattern) -> Key {
    match p {
        Pattern::Steady => Key::PatternSteady,
        Pattern::Ramp { .. } => Key::PatternRamp,
        Pattern::Spike { .. } => Key::PatternSpike,
    }
}

/// The label of a raw value of an inspector choice ("round_robin" of `algorithm` → "Round
/// robin"): the `<option>` keeps the raw value, people read this. `None` for anything else.
pub fn choice_key(field: &str, raw: &str) -> Option<Key> {
    fn parse<T: crate::model::Named>(raw: &str) -> Option<T> {
        T::from_name(raw)
    }
    match field {
        "algorithm" => parse(raw).map(algorithm_key),
        "layer" => parse(raw).map(layer_key),
        "policy" => parse(raw).map(dns_policy_key),
        "service" => parse(raw).map(service_key),
        "role" => parse(raw).map(role_key),
        _ => None,
    }
}

/// The key of a unit the inspector writes after a field ("s" → "초" in Korean).
pub fn unit_key(unit: &str) -> Option<Key> {
    match unit {
        "ms" => Some(Key::UnitMs),
        "s" => Some(Key::UnitS),
        "req/s" => Some(Key::UnitRps),
        "%" => Some(Key::UnitPercent),
        _ => None,
    }
}

pub fn cause_key(c: ErrorCause) -> Key {
    match c {
        ErrorCause::Timeout => Key::CauseTimeout,
        ErrorCause::Refused => Key::CauseRefused,
        ErrorCause::ConnectTimeout => Key::CauseConnectTimeout,
        ErrorCause::NoHealthyTarget => Key::CauseNoHealthyTarget,
        ErrorCause::QueueFull => Key::CauseQueueFull,
        ErrorCause::AppError => Key::CauseAppError,
        ErrorCause::TooManyConnections => Key::CauseTooManyConnections,
    }
}

pub fn health_key(h: Health) -> Key {
    match h {
        Health::Up => Key::HealthUp,
        Health::Degraded => Key::HealthDegraded,
        Health::Down => Key::HealthDown,
    }
}

/// "Seoul" / "서울" for a catalog region; the code itself for anything else.
pub fn region_name(lang: Lang, code: &str) -> String {
    match archlab_engine::catalog::region(code) {
        Some(r) => match lang {
            Lang::En => r.name_en.to_string(),
            Lang::Ko => r.name_ko.to_string(),
        },
        None => code.to_string(),
    }
}

/// A zone as the cloud console names it ("ap-northeast-2a"), which students will meet again.
pub fn zone_label(lang: Lang, region: &str, zone: &str) -> String {
    tf(lang, Key::ZoneLabel, &[&format!("{region}{zone}")])
}
