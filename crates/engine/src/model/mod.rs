//! The scenario: everything a user can build, as plain data, and nothing else.
//!
//! A [`Scenario`] is the single source of truth for the lab. The editor changes it, the share
//! codec carries it, the engine compiles it into its own dense form. This module holds no
//! behaviour beyond construction helpers, the names of its fieldless enums ([`Named`]) and
//! [`validate`], which turns untrusted data into either "fine" or a list of [`Diagnostic`]s that
//! name the component and the field. Its JSON form is the share layer's (`archlab_lab::share`):
//! this crate knows no file format and depends on no serde.

mod component;
mod escape;
mod fault;
mod link_rule;
mod names;
mod operate;
mod problem;
mod scenario;
mod seen;
mod traffic;
mod validate;
mod validate_operate;

pub use component::*;
pub use escape::{debug_quoted, escaped, Esc};
pub use fault::*;
pub use link_rule::{link_rule, LinkRule};
pub use names::Named;
pub use operate::*;
pub use problem::Problem;
pub use scenario::*;
pub use traffic::*;
pub use validate::{check_link_kinds, validate, Diagnostic, Limits, LIMITS};

/// The version of the scenario format written by this build. Readers migrate older versions
/// (see `share::migrate`); a scenario claiming a newer version is refused, not guessed at.
pub const FORMAT_VERSION: u32 = 1;
