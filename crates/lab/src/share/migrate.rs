//! Upgrading scenarios written by older builds, one version at a time.
//!
//! A link or file is untyped JSON until it has been brought to the current
//! [`FORMAT_VERSION`]: the migration reads it as a [`serde_json::Value`], looks at `version`,
//! and applies the steps that lead from that version to the current one, in order. Each step
//! knows only two adjacent versions, so a link written by version 1 still opens in version 9
//! by passing through 2, 3, … 8.
//!
//! Today version 1 is the first and only released format, so [`STEPS`] is empty. A future
//! version 2 plugs in like this:
//!
//! 1. bump `model::FORMAT_VERSION` to 2 and change the model;
//! 2. append one [`Step`] `{ from: 1, apply: v1_to_v2, .. }` to [`STEPS`] whose `apply`
//!    rewrites a v1 object into v2 (rename or move fields, and write out explicitly every
//!    default that v2 changed, because a v1 link that omitted a field meant the v1 default);
//! 3. add golden links of v2 under `tests/golden/v2/` and keep every `tests/golden/v1/` file
//!    unchanged: they must now decode through the new step to the v2 scenario they mean.
//!
//! The test `tests/share/migrate.rs` drives this mechanism with a synthetic "version 0" that
//! was never released, through [`migrate_with`].

use serde_json::{Map, Value};

use super::{ShapeDetail, ShareError};
use crate::model::FORMAT_VERSION;

/// One upgrade from version `from` to `from + 1`, applied to the scenario's top-level object.
pub struct Step {
    pub from: u32,
    /// What changed, for the docs and for error messages.
    pub what: &'static str,
    /// Rewrites the object in place (including its `version`, which the caller sets after).
    /// An `Err` explains in plain words what in the old scenario could not be carried over.
    pub apply: fn(&mut Map<String, Value>) -> Result<(), String>,
}

/// The oldest scenario version this build reads.
pub const OLDEST: u32 = 1;

/// The released upgrade steps: `STEPS[i]` upgrades version `OLDEST + i`.
pub const STEPS: &[Step] = &[];

/// Brings a scenario in any released version to [`FORMAT_VERSION`], or says why it cannot.
pub fn migrate(value: Value) -> Result<Value, ShareError> {
    migrate_with(value, OLDEST, STEPS, FORMAT_VERSION)
}

/// The migration mechanism with its table as a parameter, so that tests can exercise a chain
/// of steps that never shipped. `steps[i]` must upgrade `oldest + i`, and
/// `oldest + steps.len()` must equal `current`.
pub fn migrate_with(
    mut value: Value,
    oldest: u32,
    steps: &[Step],
    current: u32,
) -> Result<Value, ShareError> {
    let Some(obj) = value.as_object_mut() else {
        return Err(ShareError::Shape { path: ".".into(), detail: ShapeDetail::NotAnObject });
    };
    let found = match obj.get("version") {
        None => return Err(ShareError::MissingVersion),
        Some(Value::Number(n)) => n.as_u64().ok_or(ShareError::VersionOutOfRange)?,
        Some(_) => return Err(ShareError::VersionNotNumber),
    };
    if found > u64::from(current) {
        return Err(ShareError::NewerVersion { found, supported: current });
    }
    if found < u64::from(oldest) {
        return Err(ShareError::UnknownVersion { found, oldest });
    }
    // `oldest <= found <= current`, both u32, so this cannot truncate.
    let mut version = found as u32;
    while version < current {
        let step = steps.iter().find(|s| s.from == version).ok_or_else(|| ShareError::Migration {
            from: version,
            message: format!("this build has no upgrade from version {version}"),
        })?;
        (step.apply)(obj).map_err(|message| ShareError::Migration { from: version, message })?;
        version += 1;
        obj.insert("version".into(), Value::from(version));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_released_table_is_a_chain_from_oldest_to_current() {
        assert_eq!(OLDEST + STEPS.len() as u32, FORMAT_VERSION);
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(s.from, OLDEST + i as u32, "step {i} ({}) is out of order", s.what);
        }
    }
}
