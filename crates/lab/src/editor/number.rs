//! Numbers typed by a person ("12.5", ".5", "+3", "1e3", "007") to a finite `f64`, with the
//! reason a text is refused ("0x10" and "1,5" are not numbers; "NaN", "inf" and "1e400" are
//! numbers a field cannot use).

/// Why typed text is not a usable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all ("abc", "1e", "0x10").
    NotANumber,
    /// Not finite: too large for `f64` ("1e400"), or "NaN" / "inf" as `str::parse` spells them.
    NotFinite,
}

/// A finite number typed in a field (surrounding spaces are ignored): `str::parse::<f64>`,
/// which takes "+3", ".5", "5." and "007" as people type them, with "NaN" and "inf" refused.
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    let x: f64 = text.trim().parse().map_err(|_| NumberError::NotANumber)?;
    if x.is_finite() {
        Ok(x)
    } else {
        Err(NumberError::NotFinite)
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_decimal, NumberError::*};

    #[test]
    fn accepts_what_people_type() {
        for (t, want) in [
            ("12.5", 12.5),
            (" 12.5 ", 12.5),
            (".5", 0.5),
            ("5.", 5.0),
            ("+3", 3.0),
            ("-.5", -0.5),
            ("007", 7.0),
            ("2.5E-3", 0.0025),
            ("1e3", 1000.0),
        ] {
            assert_eq!(parse_decimal(t), Ok(want), "{t}");
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
