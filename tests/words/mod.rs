//! Helpers for the tests that compare English and Korean wording of the same sentence.

/// A Hangul syllable: proof that a text was written in Korean.
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The numbers in a sentence, sorted (Korean may put them in another order).
pub fn numbers(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    v.sort();
    v
}
