//! Numbers and times as people read them. Language-neutral: both languages write "12.3 s",
//! "1,250" and "97%" the same way.

/// A simulated time for the log and the charts: "12.3 s" under a minute, "2:05.3" after.
pub fn format_time(secs: f64) -> String {
    if !secs.is_finite() || secs < 0.0 {
        return "0.0 s".to_string();
    }
    let tenths = (secs * 10.0).round() as u64;
    if tenths < 600 {
        format!("{}.{} s", tenths / 10, tenths % 10)
    } else {
        let (m, rest) = (tenths / 600, tenths % 600);
        format!("{}:{:02}.{}", m, rest / 10, rest % 10)
    }
}

/// A length of time in words: "60 s" / "60초", "2.5 s" / "2.5초" (whole seconds from 10 s up).
pub fn format_duration(lang: super::Lang, secs: f64) -> String {
    let secs = if secs.is_finite() && secs > 0.0 { secs } else { 0.0 };
    let n = if secs >= 10.0 { format_number(secs.round() as u64) } else { format!("{secs:.1}") };
    match lang {
        super::Lang::En => format!("{n} s"),
        super::Lang::Ko => format!("{n}초"),
    }
}

/// An integer with thousands separators: 1250 -> "1,250".
pub fn format_number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A rate in requests per second: whole numbers from 100 up, one decimal below.
pub fn format_rate(rps: f64) -> String {
    if !rps.is_finite() || rps <= 0.0 {
        "0".to_string()
    } else if rps >= 100.0 {
        format_number(rps.round() as u64)
    } else {
        format!("{rps:.1}")
    }
}

/// Milliseconds, with the precision a student can use: "0.42", "8.5", "230".
pub fn format_ms(ms: f64) -> String {
    if !ms.is_finite() || ms <= 0.0 {
        "0".to_string()
    } else if ms < 1.0 {
        format!("{ms:.2}")
    } else if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        format_number(ms.round() as u64)
    }
}

/// A fraction (0..1) as a percentage without the sign: 0.974 -> "97.4", 0.0004 -> "0.04".
pub fn format_percent(fraction: f64) -> String {
    let p = if fraction.is_finite() { fraction * 100.0 } else { 0.0 };
    if p == 0.0 {
        "0".to_string()
    } else if p.abs() < 1.0 {
        format!("{p:.2}")
    } else {
        format!("{p:.1}")
    }
}
