//! English: what is wrong with a field of a scenario (`model::Problem`), in the same words as
//! its `Display`; `tests/i18n_problems.rs` checks the two agree for every variant.

use super::Key;

/// This language's texts in this file, as (key, text) pairs gathered into one table by
/// `i18n::texts`.
pub const TEXTS: &[(Key, &str)] = {
    use Key::*;
    &[
        // diag: validation problems
        (PrbNotFinite, "must be a finite number"),
        (PrbOutOfRange, "must be between {0} and {1} (got {2})"),
        // shown as `Problem`'s "must be > 0" (a table text holds no '>')
        (PrbMustBePositive, "must be more than 0"),
        (PrbAtMost, "must be at most {0} (got {1})"),
        (PrbWrongVersion, "must be {0} (got {1})"),
        (PrbTooLong, "is longer than {0} characters"),
        (PrbControlChars, "contains control characters"),
        (
            PrbFormatChars,
            "contains invisible formatting characters (such as right-to-left overrides or zero-width spaces)",
        ),
        (PrbBadId, "an id is 1-32 letters, digits, '-' or '_'"),
        (PrbIdTwice, "id appears twice"),
        (PrbAppearsTwice, "appears twice"),
        (PrbTooManyRegions, "at most {0} regions"),
        (PrbTooManyComponents, "at most {0} components (got {1})"),
        (PrbTooManyLinks, "at most {0} links (got {1})"),
        (PrbTooManyFaults, "at most {0} faults"),
        (PrbTooManyDeployments, "at most {0} deployments"),
        (PrbTooManyAlarms, "at most {0} alarms"),
        (PrbRegionNotInCatalog, "is not a region in the catalog"),
        (PrbZoneCount, "must hold 1 to {0} zones"),
        (PrbBadZoneName, "a zone is one letter a-z"),
        (PrbNoSuchZone, "zone {0}{1} is not in the scenario"),
        (PrbNoSuchRegion, "region {0} is not in the scenario"),
        (PrbNoSuchComponent, "no component {0}"),
        (PrbNotAnAppServer, "{0} is not an app server"),
        (PrbIsNotAnAppServer, "is not an app server"),
        (PrbNotAutoScalingGroup, "{0} is not an auto-scaling group (set its autoscaling)"),
        (PrbNoSuchAlarm, "no alarm {0}"),
        (PrbNoServer, "{0} has no server {1}"),
        (PrbNoProcess, "{0} has no process {1}/{2}"),
        (PrbShorterThanInterval, "must be shorter than the interval"),
        (PrbPrimaryHasNoPrimary, "a primary has no primary"),
        (PrbNamePrimary, "name the primary this node copies"),
        (PrbNotAPrimary, "{0} is not a primary database"),
        (PrbOneStandby, "a primary has at most one standby"),
        (PrbSharedHostSingle, "a shared host must be a single app server (count 1)"),
        (PrbLinkToSelf, "a component cannot link to itself"),
        (PrbDuplicateLink, "duplicate link"),
        (PrbSpikeTooHigh, "the spike would exceed {0} req/s"),
        (PrbAlarmIdUnique, "an alarm needs a unique, non-empty id"),
        (PrbMinAboveMax, "must not exceed max"),
        (PrbCountOutsideGroup, "the desired count must be between min {0} and max {1}"),
        (PrbBeforeNow, "must not be before now ({0} s)"),
        (
            PrbNoRoomForSecondFleet,
            "{0} has no room for a second fleet in this run; schedule the blue/green deployment instead \
                 (the run restarts with room for it)",
        ),
        // diag: why a file or link does not have a scenario's shape, or is not JSON (serde's words)
        (ShpMissingField, "missing field `{0}`"),
        (ShpUnknownField, "unknown field `{0}`, expected {1}"),
        (ShpUnknownFieldNone, "unknown field `{0}`, there are no fields"),
        (ShpUnknownVariant, "unknown variant `{0}`, expected {1}"),
        (ShpUnknownVariantNone, "unknown variant `{0}`, there are no variants"),
        (ShpInvalidType, "invalid type: {0}, expected {1}"),
        (ShpInvalidValue, "invalid value: {0}, expected {1}"),
        (ShpInvalidLength, "invalid length {0}, expected {1}"),
        (ShpDuplicateField, "duplicate field `{0}`"),
        (ShpKeyTwice, "the field appears twice"),
        (ShpNotAnObject, "a scenario is a JSON object { … }"),
        (JsnEndsEarly, "EOF while parsing {0}"),
        (JsnExpected, "expected {0}"),
        (JsnTrailingCharacters, "trailing characters"),
        (JsnTrailingComma, "trailing comma"),
        (JsnKeyMustBeString, "key must be a string"),
        (JsnInvalidNumber, "invalid number"),
        (JsnNumberOutOfRange, "number out of range"),
        (JsnControlCharacter, "control character (\\u0000-\\u001F) found while parsing a string"),
        (JsnInvalidEscape, "invalid escape"),
        (JsnRecursionLimit, "recursion limit exceeded"),
        (B64BadSymbol, "{0} at position {1} is not allowed in a link"),
        (B64BadLastSymbol, "its last character {0} (position {1}) cannot end a link (was it cut short?)"),
        (B64BadLength, "its length cannot be right (was it cut short?)"),
        (B64Padding, "it ends with '=' padding, which links never have"),
        (B64Byte, "byte {0}"),
    ]
};
