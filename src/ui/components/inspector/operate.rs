//! The inspector's operating parts: labels of the auto-scaling, size and draining fields, the
//! size choices named as the cloud names them, and the component's price in its region
//! ("$0.192 / h · m5.xlarge, us-east-1"), so moving it to another region visibly changes it.

use yew::prelude::*;

use crate::catalog::pricing::{component_cost, instance_name, size_for, HOURS_PER_MONTH};
use crate::i18n::{t, tf, Key, Lang};
use crate::model::{Component, DbRole, Kind, LbLayer, Scenario};

/// The label of an operating field, `None` for the others.
pub fn field_label(lang: Lang, key: &str) -> Option<&'static str> {
    let key = match key {
        "size" => Key::FldSize,
        "autoscaling" => Key::FldAutoscaling,
        "autoscaling.min" => Key::FldAsgMin,
        "autoscaling.max" => Key::FldAsgMax,
        "autoscaling.target_cpu_pct" => Key::FldAsgTarget,
        "autoscaling.boot_s" => Key::FldAsgBoot,
        "autoscaling.warmup_s" => Key::FldAsgWarmup,
        "autoscaling.cooldown_s" => Key::FldAsgCooldown,
        "deregistration_delay_s" => Key::FldDeregDelay,
        _ => return None,
    };
    Some(t(lang, key))
}

/// How a choice of field `key` reads: sizes as "xlarge · 4 vCPU", others as written.
pub fn option_label(kind: &Kind, key: &str, option: &str) -> String {
    match (key, option.parse::<u32>()) {
        ("size", Ok(v)) => {
            let prefix = if matches!(kind, Kind::Database(_)) { "db.m5" } else { "m5" };
            format!("{prefix}.{} · {v} vCPU", size_for(v).1)
        }
        _ => option.replace('_', " "),
    }
}

/// US dollars with as many decimals as a small hourly price needs ("$0.0225", "$0.192",
/// "$140.16", "$1,402").
pub fn usd(x: f64) -> String {
    if x >= 1000.0 {
        format!("${}", crate::i18n::format_number(x.round() as u64))
    } else if x >= 1.0 {
        format!("${x:.2}")
    } else {
        let s = format!("{x:.4}");
        let s = s.trim_end_matches('0');
        let s = if s.len() < 4 { format!("{x:.2}") } else { s.to_string() };
        format!("${s}")
    }
}

/// The component's price line (and its month), or why it costs nothing.
pub fn price_line(lang: Lang, s: &Scenario, c: &Component) -> Html {
    let hour = component_cost(s, c).per_hour();
    let region = &c.place.region;
    let month = tf(lang, Key::InsPriceMonth, &[&usd(hour * HOURS_PER_MONTH)]);
    let (line, note) = match &c.kind {
        Kind::Clients(_) => (t(lang, Key::InsPriceFree).to_string(), None),
        Kind::Database(d) if d.host.is_some() => {
            (tf(lang, Key::InsPriceHosted, &[d.host.as_deref().unwrap_or_default()]), None)
        }
        Kind::Dns(_) => (tf(lang, Key::InsPriceDns, &[&usd(hour * HOURS_PER_MONTH)]), None),
        Kind::AppServer(a) => {
            let name = instance_name(&c.kind).unwrap_or_default();
            let each = usd(hour / a.count.max(1) as f64);
            (
                tf(lang, Key::InsPriceHosts, &[&usd(hour), &a.count.to_string(), &name, region, &each]),
                Some(month),
            )
        }
        Kind::Database(d) => {
            let name = instance_name(&c.kind).unwrap_or_default();
            let line = tf(lang, Key::InsPrice, &[&usd(hour), &name, region]);
            let note =
                if d.role == DbRole::Standby { t(lang, Key::InsPriceStandby).to_string() } else { month };
            (line, Some(note))
        }
        Kind::LoadBalancer(lb) => {
            let name = t(lang, if lb.layer == LbLayer::L7 { Key::LbAlb } else { Key::LbNlb });
            (tf(lang, Key::InsPrice, &[&usd(hour), name, region]), Some(month))
        }
    };
    html! {
        <div class="price-line" data-testid="price-line" data-usd-hour={hour.to_string()}>
            <span class="price">{ line }</span>
            if let Some(n) = note { <span class="muted price-note">{ n }</span> }
        </div>
    }
}
