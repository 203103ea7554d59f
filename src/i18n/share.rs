//! Why a link, file or autosave did not open ([`ShareError`]) in the page's language.
//!
//! The English wording is the same as `ShareError`'s `Display` (which the native runner prints);
//! `tests/i18n.rs` checks the two agree for every variant. Details that come from elsewhere
//! (the base64 and JSON parsers' messages, validation diagnostics) are quoted as they are.

use super::{t, tf, Key, Lang};
use crate::share::ShareError;

/// How many diagnostics the sentence lists before "and N more" (as `ShareError`'s `Display`).
const SHOWN_DIAGNOSTICS: usize = 5;
/// Longest diagnostic quoted (as `ShareError`'s `Display`).
const SHOWN_CHARS: usize = 160;

pub fn describe_share_error(lang: Lang, e: &ShareError) -> String {
    use ShareError::*;
    let s = |x: &dyn ToString| x.to_string();
    match e {
        Empty => t(lang, Key::ShareErrEmpty).to_string(),
        LinkTooLong { len, max } => tf(lang, Key::ShareErrLinkTooLong, &[&s(len), &s(max)]),
        FileTooLarge { len, max } => tf(lang, Key::ShareErrFileTooLarge, &[&s(len), &s(max)]),
        NoVersionMarker => t(lang, Key::ShareErrNoVersionMarker).to_string(),
        UnknownLinkVersion { found, supported } if found > supported => {
            tf(lang, Key::ShareErrNewerLink, &[&s(found), &s(supported)])
        }
        UnknownLinkVersion { found, .. } => tf(lang, Key::ShareErrUnknownLink, &[&s(found)]),
        NotBase64 { detail } => tf(lang, Key::ShareErrNotBase64, &[detail]),
        Truncated => t(lang, Key::ShareErrTruncated).to_string(),
        NotDeflate => t(lang, Key::ShareErrNotDeflate).to_string(),
        ChecksumMismatch => t(lang, Key::ShareErrChecksum).to_string(),
        DecodedTooLarge { max } => tf(lang, Key::ShareErrDecodedTooLarge, &[&s(max)]),
        NotUtf8 { valid_up_to } => tf(lang, Key::ShareErrNotUtf8, &[&s(valid_up_to)]),
        Json { line, column, message } => tf(lang, Key::ShareErrJson, &[&s(line), &s(column), message]),
        MissingVersion => t(lang, Key::ShareErrMissingVersion).to_string(),
        NewerVersion { found, supported } => tf(lang, Key::ShareErrNewerVersion, &[&s(found), &s(supported)]),
        UnknownVersion { found, oldest } => tf(lang, Key::ShareErrUnknownVersion, &[&s(found), &s(oldest)]),
        Migration { from, message } => tf(lang, Key::ShareErrMigration, &[&s(from), message]),
        Shape { path, message } => tf(lang, Key::ShareErrShape, &[path, message]),
        Invalid(diags) => {
            let list: Vec<String> = diags
                .iter()
                .take(SHOWN_DIAGNOSTICS)
                .map(|d| {
                    let text = d.to_string();
                    let short: String = text.chars().take(SHOWN_CHARS).collect();
                    let more = if short.len() < text.len() { "…" } else { "" };
                    format!("{short}{more}")
                })
                .collect();
            let mut joined = list.join("; ");
            if diags.len() > SHOWN_DIAGNOSTICS {
                joined.push_str(&tf(lang, Key::ShareErrAndMore, &[&s(&(diags.len() - SHOWN_DIAGNOSTICS))]));
            }
            match diags.len() {
                1 => tf(lang, Key::ShareErrInvalidOne, &[&joined]),
                n => tf(lang, Key::ShareErrInvalidMany, &[&s(&n), &joined]),
            }
        }
    }
}
