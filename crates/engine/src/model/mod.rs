//! The scenario: everything a user can build, as plain data, and nothing else.
//!
//! A [`Scenario`] is the single source of truth for the lab. The editor changes it, the share
//! codec carries it, the engine compiles it into its own dense form. This module holds no
//! behaviour beyond construction helpers, the names of its fieldless enums ([`Named`]) and
//! [`validate`], which turns untrusted data into either "fine" or a list of [`Diagnostic`]s that
//! name the component and the field. Its JSON form is the share layer's (`archlab_lab::share`):
//! this crate knows no file format and depends on no serde.

mod component;
mod fault;
mod link_rule;
mod names;
mod operate;
mod problem;
pub mod regions;
mod scenario;
mod seen;
mod traffic;
mod validate;
mod validate_operate;

pub use component::*;
pub use fault::*;
pub use link_rule::{link_rule, LinkRule};
pub use names::Named;
pub use operate::*;
pub use problem::Problem;
pub use scenario::*;
pub use traffic::*;
pub use validate::{check_link_kinds, is_format_char, validate, Diagnostic, Limits, LIMITS};

/// The version of the scenario format written by this build. Readers migrate older versions
/// (see `share::migrate`); a scenario claiming a newer version is refused, not guessed at.
pub const FORMAT_VERSION: u32 = 1;

/// `.esc()`: a user's text as it is quoted inside a message (`"no component app\u{202e}1"`),
/// which is `str::escape_debug`: control, invisible and bidirectional characters are shown as
/// escapes, so an id cannot hide or reorder the sentence around it.
pub trait Esc {
    fn esc(&self) -> String;
}

impl Esc for str {
    fn esc(&self) -> String {
        self.escape_debug().to_string()
    }
}
