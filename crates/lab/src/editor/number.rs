//! Numbers typed by a person ("12.5", ".5", "+3", "1e3", "007") to `f64`.
//!
//! The syntax is checked by hand, because `str::parse::<f64>` also takes "inf", "NaN" and
//! "infinity": the small rewrite below accepts what a person types ("+3", ".5", "5.", "007") and
//! nothing else ("0x10" and "1,5" stay errors; "NaN" and "inf" are refused as not finite), then
//! std's parser reads the digits, correctly rounded.

/// Why typed text is not a usable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all ("abc", "1e", "0x10").
    NotANumber,
    /// Not finite: too large for `f64` ("1e400"), or "NaN" / "inf" as `str::parse` spells them.
    NotFinite,
}

/// A finite number typed in a field (surrounding spaces are ignored).
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    use NumberError::*;
    let t = text.trim();
    let word = t.trim_start_matches(['+', '-']);
    if ["nan", "inf", "infinity"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
        // What `str::parse` reads as NaN or infinity: a number, but not a usable one.
        return Err(NotFinite);
    }
    let (sign, body) = match t.as_bytes().first().ok_or(NotANumber)? {
        b'-' => ("-", &t[1..]),
        b'+' => ("", &t[1..]),
        _ => ("", t),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => body.split_at(i),
        None => (body, ""),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let has_dot = mantissa.contains('.');
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exp_digits = exponent.get(1..).map(|e| e.strip_prefix(['+', '-']).unwrap_or(e));
    if int.is_empty() && frac.is_empty()
        || !digits(int)
        || !digits(frac)
        || exp_digits.is_some_and(|e| e.is_empty() || !digits(e))
    {
        return Err(NotANumber);
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = if has_dot && frac.is_empty() { "0" } else { frac };
    let dot = if frac.is_empty() { "" } else { "." };
    let json = format!("{sign}{int}{dot}{frac}{exponent}");
    // The syntax is checked above, so std's reader cannot refuse it; a number out of range
    // reads as infinite.
    json.parse::<f64>().ok().filter(|x| x.is_finite()).ok_or(NotFinite)
}

#[cfg(test)]
mod tests {
    use super::{parse_decimal, NumberError::*};

    /// Every accepted spelling gives exactly what `str::parse` gives (the reference).
    #[test]
    fn agrees_with_std_on_what_people_type() {
        for t in [
            "0",
            "12.5",
            " 12.5 ",
            ".5",
            "5.",
            "+3",
            "-0.25",
            "007",
            "1e3",
            "2.5E-3",
            "-.5",
            "0.1",
            "123456789.123456789",
            "1e-320",
        ] {
            assert_eq!(parse_decimal(t), Ok(t.trim().parse::<f64>().unwrap()), "{t}");
        }
    }

    /// Reading through `Value` gives the very bits reading an `f64` gave, integers included.
    #[test]
    fn value_reader_gives_the_f64_readers_bits() {
        for t in [
            "-0",
            "0",
            "-0.0",
            "7",
            "-7",
            "9007199254740993",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1e-400",
            "4.9e-324",
            "1.7976931348623157e308",
            "0.30000000000000004",
        ] {
            let want = serde_json::from_str::<f64>(t).unwrap();
            assert_eq!(parse_decimal(t).map(f64::to_bits), Ok(want.to_bits()), "{t}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for t in ["", " ", "abc", "1e", "1e+", ".", "-", "+", "1.2.3", "0x10", "1,5", "--1", "1 2", "e5"] {
            assert_eq!(parse_decimal(t), Err(NotANumber), "{t}");
        }
        assert_eq!(parse_decimal("1e400"), Err(NotFinite));
        for t in ["-1e400", "NaN", "inf", "-Infinity", "+INF"] {
            assert_eq!(parse_decimal(t), Err(NotFinite), "{t}");
        }
    }
}
