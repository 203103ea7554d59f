//! The autosave and recent-list records as JSON text, through serde's derived code for the
//! records in `persist.rs`. Storage is untrusted: other fields are ignored, optional fields
//! take their defaults, anything else is refused, never guessed at.

use serde::{Deserialize, Serialize};

use super::persist::{Extras, Recent};

/// `{"link":…,"selection":[…],"view":{"x":…,"y":…,"zoom":…}}` (`"view":null` when none).
/// `link` keeps the name it had when it held link text; it now holds the scenario's compact
/// JSON as a string, and `share::from_stored` reads either.
#[derive(Serialize, Deserialize)]
struct Autosave {
    link: String,
    #[serde(flatten)]
    extras: Extras,
}

pub(super) fn autosave_text(link: &str, extras: &Extras) -> String {
    let record = Autosave { link: link.to_string(), extras: extras.clone() };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Why a stored text is not an autosave record: not JSON (at this line and column), or JSON of
/// another shape (`[1,2,3]`).
#[derive(Debug, PartialEq)]
pub(super) enum NotRecord {
    Syntax(usize, usize),
    Shape,
}

/// The stored link and extras, or why the text is not an autosave record.
pub(super) fn read_autosave(raw: &str) -> Result<(String, Extras), NotRecord> {
    let record: Autosave = serde_json::from_str(raw).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => NotRecord::Shape,
        _ => NotRecord::Syntax(e.line(), e.column()),
    })?;
    Ok((record.link, record.extras))
}

/// `[{"name":…,"saved_at":…,"link":…},…]`.
pub(super) fn recent_text(list: &[Recent]) -> String {
    serde_json::to_string(list).unwrap_or_default()
}

/// The recent list, or `None` when the text is not one.
pub(super) fn read_recent(raw: &str) -> Option<Vec<Recent>> {
    serde_json::from_str(raw).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::platform::persist::SavedView;

    #[test]
    fn autosave_round_trips_and_tolerates_other_fields() {
        let extras = Extras {
            selection: vec!["app-1".into(), "\"q\"".into()],
            view: Some(SavedView { x: 1.5, y: -0.0, zoom: 1e300 }),
        };
        let text = autosave_text("1.abc", &extras);
        assert_eq!(
            text,
            r#"{"link":"1.abc","selection":["app-1","\"q\""],"view":{"x":1.5,"y":-0.0,"zoom":1e+300}}"#
        );
        assert_eq!(read_autosave(&text), Ok(("1.abc".to_string(), extras)));
        assert_eq!(read_autosave(r#"{"link":"1.a","other":1}"#), Ok(("1.a".into(), Extras::default())));
        assert_eq!(read_autosave(r#"{"link":"1.a","view":null}"#), Ok(("1.a".into(), Extras::default())));
        assert_eq!(read_autosave(r#"{"links":"1.a"}"#), Err(NotRecord::Shape));
        assert_eq!(read_autosave(r#"{"link":"1.a","view":{"x":1,"y":2}}"#), Err(NotRecord::Shape));
        assert_eq!(read_autosave("{\n  \"link\": 7\n}"), Err(NotRecord::Shape));
        assert_eq!(read_autosave("[1,2,3]"), Err(NotRecord::Shape));
        assert_eq!(read_autosave("{\n  \"link\": }"), Err(NotRecord::Syntax(2, 11)));
        assert_eq!(read_autosave(""), Err(NotRecord::Syntax(1, 0)));
    }

    #[test]
    fn recent_lists_round_trip() {
        let list = vec![
            Recent { name: "서울 \"q\"".into(), saved_at: 17e11, link: "1.x".into() },
            Recent { name: String::new(), saved_at: 0.5, link: "1.y".into() },
        ];
        assert_eq!(read_recent(&recent_text(&list)), Some(list));
        assert_eq!(recent_text(&[]), "[]");
        assert_eq!(read_recent(r#"[{"name":"a","link":"1.x"}]"#), None, "saved_at is required");
        assert_eq!(read_recent(r#"{"name":"a"}"#), None);
    }
}
