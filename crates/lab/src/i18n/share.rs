//! Why a link, file or autosave did not open ([`ShareError`]) in the page's language.
//!
//! The English wording is the same as `ShareError`'s `Display` (which the native runner prints);
//! `tests/i18n.rs` checks the two agree for every variant. Validation problems, serde's shape
//! errors and serde_json's syntax errors are worded in `lang` too (`problem.rs`,
//! `share_detail.rs`), and so is the base64 decoder's.

use super::{
    describe_base64_detail, describe_diagnostic, describe_json_syntax, describe_shape_detail, t, tf, Key,
    Lang,
};
use crate::share::{JsonSyntax, ShareError};

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
        NotBase64 { detail } => tf(lang, Key::ShareErrNotBase64, &[&describe_base64_detail(lang, detail)]),
        Truncated => t(lang, Key::ShareErrTruncated).to_string(),
        NotDeflate => t(lang, Key::ShareErrNotDeflate).to_string(),
        ChecksumMismatch => t(lang, Key::ShareErrChecksum).to_string(),
        DecodedTooLarge { max } => tf(lang, Key::ShareErrDecodedTooLarge, &[&s(max)]),
        NotUtf8 { valid_up_to } => tf(lang, Key::ShareErrNotUtf8, &[&s(valid_up_to)]),
        Utf16 => t(lang, Key::ShareErrUtf16).to_string(),
        Json { line, column, message } => {
            let why = describe_json_syntax(lang, &JsonSyntax::classify(message));
            tf(lang, Key::ShareErrJson, &[&s(line), &s(column), &why])
        }
        MissingVersion => t(lang, Key::ShareErrMissingVersion).to_string(),
        VersionNotNumber => t(lang, Key::ShareErrVersionNotNumber).to_string(),
        VersionOutOfRange => t(lang, Key::ShareErrVersionOutOfRange).to_string(),
        NewerVersion { found, supported } => tf(lang, Key::ShareErrNewerVersion, &[&s(found), &s(supported)]),
        UnknownVersion { found, oldest } => tf(lang, Key::ShareErrUnknownVersion, &[&s(found), &s(oldest)]),
        Migration { from, message } => tf(lang, Key::ShareErrMigration, &[&s(from), message]),
        Shape { path, detail } => tf(lang, Key::ShareErrShape, &[path, &describe_shape_detail(lang, detail)]),
        Invalid(diags) => {
            let list: Vec<String> = diags
                .iter()
                .take(SHOWN_DIAGNOSTICS)
                .map(|d| {
                    let text = describe_diagnostic(lang, d);
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
