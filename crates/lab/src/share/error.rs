//! Everything that can be wrong with a shared link or file, in words a student understands.
//!
//! Each check of the decoder has its own variant, so tests can assert the exact reason a
//! hostile input was refused and the UI can say it plainly. Messages never echo more than a
//! few characters of the input: a link is untrusted and may be megabytes of junk.

use std::fmt;

use super::{Base64Detail, ShapeDetail};
use crate::model::Diagnostic;

/// Why a link or file could not be opened. Nothing is loaded when any of these is returned.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// The link (or file) holds nothing at all.
    Empty,
    /// The link text is longer than [`super::MAX_LINK_LEN`] bytes.
    LinkTooLong { len: usize, max: usize },
    /// The file is larger than [`super::MAX_JSON_LEN`] bytes.
    FileTooLarge { len: usize, max: usize },
    /// The link does not start with a version marker such as `1.`.
    NoVersionMarker,
    /// The marker names an envelope this build does not know (a newer Archlab wrote it).
    UnknownLinkVersion { found: u32, supported: u32 },
    /// The payload has characters or a length that base64url does not allow.
    NotBase64 { detail: Base64Detail },
    /// The compressed data stops before its end: the link was cut short.
    Truncated,
    /// The compressed data is not a zlib stream this decoder understands.
    NotDeflate,
    /// The data decompressed, but its checksum does not match: some characters were changed.
    ChecksumMismatch,
    /// The data would decompress to more than [`super::MAX_JSON_LEN`] bytes (a "zip bomb").
    /// Decompression stopped at the limit.
    DecodedTooLarge { max: usize },
    /// The bytes are not UTF-8 text (a Latin-1 file, a binary): refused whole, never repaired
    /// with replacement characters.
    NotUtf8 { valid_up_to: usize },
    /// The file starts with a UTF-16 byte-order mark: text, but not the UTF-8 a scenario is.
    Utf16,
    /// The text is not JSON; `line` and `column` are 1-based, as serde_json counts them.
    Json { line: usize, column: usize, message: String },
    /// The JSON has no `version` field.
    MissingVersion,
    /// The `version` field is not a number (`"1"`, `true`, …).
    VersionNotNumber,
    /// The `version` field is a number but not a whole one this format can hold (1.5, -1, 2⁶⁴).
    VersionOutOfRange,
    /// The scenario was written by a newer Archlab than this one.
    NewerVersion { found: u64, supported: u32 },
    /// The scenario claims a version this build never wrote and cannot migrate.
    UnknownVersion { found: u64, oldest: u32 },
    /// Upgrading an old scenario to the current format failed.
    Migration { from: u32, message: String },
    /// The JSON does not have the shape of a scenario: a wrong type, a missing or unknown field.
    /// `path` locates it ("components[2](app-1).kind.count"); `detail` is serde's message, sorted.
    Shape { path: String, detail: ShapeDetail },
    /// A well-formed scenario that breaks the model's rules (ranges, references, limits).
    Invalid(Vec<Diagnostic>),
}

impl ShareError {
    /// A short stable name for the variant, for tests, logs and the fuzz histogram.
    pub fn kind(&self) -> &'static str {
        match self {
            ShareError::Empty => "empty",
            ShareError::LinkTooLong { .. } => "link_too_long",
            ShareError::FileTooLarge { .. } => "file_too_large",
            ShareError::NoVersionMarker => "no_version_marker",
            ShareError::UnknownLinkVersion { .. } => "unknown_link_version",
            ShareError::NotBase64 { .. } => "not_base64",
            ShareError::Truncated => "truncated",
            ShareError::NotDeflate => "not_deflate",
            ShareError::ChecksumMismatch => "checksum_mismatch",
            ShareError::DecodedTooLarge { .. } => "decoded_too_large",
            ShareError::NotUtf8 { .. } => "not_utf8",
            ShareError::Utf16 => "utf16",
            ShareError::Json { .. } => "json",
            ShareError::MissingVersion => "missing_version",
            ShareError::VersionNotNumber => "version_not_number",
            ShareError::VersionOutOfRange => "version_out_of_range",
            ShareError::NewerVersion { .. } => "newer_version",
            ShareError::UnknownVersion { .. } => "unknown_version",
            ShareError::Migration { .. } => "migration",
            ShareError::Shape { .. } => "shape",
            ShareError::Invalid(_) => "invalid",
        }
    }
}

/// How many diagnostics the one-line message lists before "and N more".
const SHOWN_DIAGNOSTICS: usize = 5;
/// Longest diagnostic quoted in the one-line message; the full list stays in the variant.
const SHOWN_CHARS: usize = 160;

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ShareError::*;
        match self {
            Empty => write!(f, "There is no scenario here: the link or file is empty."),
            LinkTooLong { len, max } => write!(
                f,
                "This link is too long to be an Archlab scenario ({len} characters; the limit is {max})."
            ),
            FileTooLarge { len, max } => write!(
                f,
                "This file is too large to be an Archlab scenario ({len} bytes; the limit is {max})."
            ),
            NoVersionMarker => write!(
                f,
                "This is not an Archlab scenario link: it should start with a version such as \"1.\"."
            ),
            UnknownLinkVersion { found, supported } if found > supported => write!(
                f,
                "This link was made by a newer Archlab (link format {found}; this one reads up to \
                 {supported}). Reload the page to get the latest version."
            ),
            UnknownLinkVersion { found, .. } => {
                write!(f, "This link claims link format {found}, which no Archlab ever wrote.")
            }
            NotBase64 { detail } => write!(f, "This link is damaged: {detail}."),
            Truncated => write!(f, "This link is damaged: it ends too early (the data is truncated)."),
            NotDeflate => write!(f, "This link is damaged: its compressed data is corrupt."),
            ChecksumMismatch => {
                write!(f, "This link is damaged: some characters were changed (the checksum does not match).")
            }
            DecodedTooLarge { max } => write!(
                f,
                "This link unpacks to more than {max} bytes, far more than any scenario needs; \
                 it was not opened."
            ),
            NotUtf8 { valid_up_to } => write!(
                f,
                "This scenario is not UTF-8 text: byte {valid_up_to} is not valid UTF-8 (save it as UTF-8)."
            ),
            Utf16 => write!(
                f,
                "This file is UTF-16 text, not UTF-8 (it starts with a UTF-16 byte-order mark): save it as UTF-8."
            ),
            Json { line, column, message } => {
                write!(f, "This scenario is not valid JSON (line {line}, column {column}): {message}.")
            }
            MissingVersion => write!(f, "This scenario has no format \"version\" number."),
            VersionNotNumber => write!(
                f,
                "This scenario's format \"version\" is not a number (write it without quotes, such as 1)."
            ),
            VersionOutOfRange => write!(
                f,
                "This scenario's format \"version\" is out of range: it must be a small whole number such as 1."
            ),
            NewerVersion { found, supported } => write!(
                f,
                "This scenario was made by a newer Archlab (format {found}; this one reads up to \
                 {supported}). Reload the page to get the latest version."
            ),
            UnknownVersion { found, oldest } => write!(
                f,
                "This scenario claims format version {found}, which no Archlab ever wrote (the \
                 oldest is {oldest})."
            ),
            Migration { from, message } => {
                write!(f, "This scenario from format {from} could not be upgraded: {message}.")
            }
            Shape { path, detail } => write!(f, "This scenario is malformed at {path}: {detail}."),
            Invalid(diags) => {
                let n = diags.len();
                write!(f, "This scenario has {n} problem{}: ", if n == 1 { "" } else { "s" })?;
                for (i, d) in diags.iter().take(SHOWN_DIAGNOSTICS).enumerate() {
                    let text = d.to_string();
                    let short: String = text.chars().take(SHOWN_CHARS).collect();
                    let more = if short.len() < text.len() { "…" } else { "" };
                    write!(f, "{}{short}{more}", if i == 0 { "" } else { "; " })?;
                }
                if n > SHOWN_DIAGNOSTICS {
                    write!(f, "; and {} more", n - SHOWN_DIAGNOSTICS)?;
                }
                write!(f, ".")
            }
        }
    }
}

impl std::error::Error for ShareError {}
