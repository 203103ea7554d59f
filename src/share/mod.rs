//! Share links and scenario files (doc essay to come).

mod compact;
mod error;
mod file;
mod keys;
mod link;
mod load;
pub mod migrate;

pub use error::ShareError;
pub use file::{from_json_file, to_json_file};
pub use link::{decode, encode, fragment, from_fragment};

use crate::model::Scenario;

/// The envelope version written as the link's first characters (`1.`).
pub const LINK_VERSION: u32 = 1;
/// The URL fragment parameter that holds a link: `#s=1.…`.
pub const FRAGMENT_KEY: &str = "s";
/// Longest link text accepted, in bytes (64 KiB).
pub const MAX_LINK_LEN: usize = 64 * 1024;
/// Largest scenario JSON accepted, decompressed from a link or read from a file (1 MiB).
pub const MAX_JSON_LEN: usize = 1024 * 1024;

/// The minified JSON that a link compresses.
fn to_compact_json(scenario: &Scenario) -> String {
    let mut value = compact::compact(scenario);
    keys::shorten(&mut value);
    value.to_string()
}
