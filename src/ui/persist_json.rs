//! The autosave and recent-list records as JSON text, read and written by hand.
//!
//! serde's derived code for these three small records (one of them `#[serde(flatten)]`, which
//! buffers every field) cost more of the bundle than the records are worth. These functions
//! write the same text as the derived code did (fields in the same order) and accept what it
//! accepted: other fields ignored, optional fields defaulted, a record given as an array of its
//! fields. Storage is untrusted: anything else is refused, never guessed at.

use serde_json::{Map, Value};

use crate::model::{json_f64, json_string, json_text};

use super::persist::{Extras, Recent, SavedView};

/// `{"link":…,"selection":[…],"view":{"x":…,"y":…,"zoom":…}}` (`"view":null` when none).
/// `link` keeps the name it had when it held link text; it now holds the scenario's compact
/// JSON as a string, and `share::from_stored` reads either.
pub(super) fn autosave_text(link: &str, extras: &Extras) -> String {
    let view = extras.view.map_or("null".to_string(), |v| {
        format!("{{\"x\":{},\"y\":{},\"zoom\":{}}}", json_f64(v.x), json_f64(v.y), json_f64(v.zoom))
    });
    let selection = json_text(&Value::from(extras.selection.clone()));
    format!("{{\"link\":{},\"selection\":{selection},\"view\":{view}}}", json_string(link))
}

/// The stored link and extras, or the line and column where the text stops being an autosave,
/// as serde's reader gave them: of the JSON error; before an array (not a record at all); else
/// (valid JSON of another shape) of the text's end, where a field was found missing. Only a
/// `link` of the wrong type was reported at that value's end instead of the text's.
pub(super) fn read_autosave(raw: &str) -> Result<(String, Extras), (usize, usize)> {
    let v = crate::model::parse_json(raw).map_err(|e| (e.line, e.column))?;
    autosave(&v).ok_or_else(|| match v {
        Value::Array(_) => end_of(&raw[..raw.find('[').unwrap_or(0)]),
        _ => end_of(raw.trim_end()),
    })
}

fn autosave(v: &Value) -> Option<(String, Extras)> {
    let m = v.as_object()?;
    let link = m.get("link")?.as_str()?.to_string();
    let selection = match m.get("selection") {
        None => Vec::new(),
        Some(s) => strings(s)?,
    };
    let view = match m.get("view") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let [x, y, zoom] = floats(fields(v, &["x", "y", "zoom"])?)?;
            Some(SavedView { x, y, zoom })
        }
    };
    Some((link, Extras { selection, view }))
}

/// `[{"name":…,"saved_at":…,"link":…},…]`.
pub(super) fn recent_text(list: &[Recent]) -> String {
    let rows: Vec<String> = list
        .iter()
        .map(|r| {
            format!(
                "{{\"name\":{},\"saved_at\":{},\"link\":{}}}",
                json_string(&r.name),
                json_f64(r.saved_at),
                json_string(&r.link)
            )
        })
        .collect();
    format!("[{}]", rows.join(","))
}

/// The recent list, or `None` when the text is not one.
pub(super) fn read_recent(raw: &str) -> Option<Vec<Recent>> {
    let v = crate::model::parse_json(raw).ok()?;
    v.as_array()?
        .iter()
        .map(|r| {
            let [name, saved_at, link] = fields(r, &["name", "saved_at", "link"])?;
            Some(Recent {
                name: name.as_str()?.to_string(),
                saved_at: saved_at.as_f64()?,
                link: link.as_str()?.to_string(),
            })
        })
        .collect()
}

/// A record's fields, all required: from an object (other keys ignored) or an array of exactly
/// that many elements in order, as serde's derived reader took them.
fn fields<'v, const N: usize>(v: &'v Value, names: &[&str; N]) -> Option<[&'v Value; N]> {
    let mut out = [&Value::Null; N];
    match v {
        Value::Object(m) => {
            for (slot, name) in out.iter_mut().zip(names) {
                *slot = Map::get(m, *name)?;
            }
        }
        Value::Array(items) if items.len() == N => {
            for (slot, item) in out.iter_mut().zip(items) {
                *slot = item;
            }
        }
        _ => return None,
    }
    Some(out)
}

fn floats<const N: usize>(values: [&Value; N]) -> Option<[f64; N]> {
    let mut out = [0.0; N];
    for (slot, v) in out.iter_mut().zip(values) {
        *slot = v.as_f64()?;
    }
    Some(out)
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?.iter().map(|s| s.as_str().map(str::to_string)).collect()
}

/// The 1-based line and column of the text's last character (column 0 on an empty line).
fn end_of(raw: &str) -> (usize, usize) {
    let line = raw.matches('\n').count() + 1;
    let column = raw.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, column)
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    /// The derived records these functions replace, kept here to check them against.
    #[derive(Serialize, Deserialize)]
    struct OldView {
        x: f64,
        y: f64,
        zoom: f64,
    }

    #[derive(Serialize, Deserialize)]
    struct OldExtras {
        #[serde(default)]
        selection: Vec<String>,
        #[serde(default)]
        view: Option<OldView>,
    }

    #[derive(Serialize, Deserialize)]
    struct OldAutosave {
        link: String,
        #[serde(flatten)]
        extras: OldExtras,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct OldRecent {
        name: String,
        saved_at: f64,
        link: String,
    }

    fn old_autosave(raw: &str) -> Result<(String, Extras), (usize, usize)> {
        let a: OldAutosave = serde_json::from_str(raw).map_err(|e| (e.line(), e.column()))?;
        let view = a.extras.view.map(|v| SavedView { x: v.x, y: v.y, zoom: v.zoom });
        Ok((a.link, Extras { selection: a.extras.selection, view }))
    }

    #[test]
    fn autosave_reads_as_the_derived_reader_did() {
        for raw in [
            r#"{"link":"1.abc","selection":["app-1","\"q\""],"view":{"x":1.5,"y":-0.0,"zoom":2.0}}"#,
            r#"{"link":"1.a","other":1}"#,
            r#"{"link":"1.a","view":null,"selection":[]}"#,
            r#"{"link":"1.a","view":[1,2,3]}"#,
            r#"{"links":"1.a"}"#,
            "{\n  \"links\": \"1.a\"\n}",
            r#"{"link":"1.a","view":[1,2]}"#,
            r#"{"link":"1.a","view":{"x":1,"y":2}}"#,
            r#"{"link":"1.a","view":{"x":1,"y":2,"zoom":3,"w":4}}"#,
            r#"{"link":"1.a","selection":null}"#,
            r#"["1.a"]"#,
            "\n  [1]",
            "7 ",
            "null",
            r#"{"link":"1.a""#,
            "",
        ] {
            assert_eq!(read_autosave(raw), old_autosave(raw), "{raw}");
        }
        // The one difference: a `link` of the wrong type is placed at the text's end.
        assert_eq!(old_autosave(r#"{"link":7} "#), Err((1, 9)));
        assert_eq!(read_autosave(r#"{"link":7} "#), Err((1, 10)));
    }

    #[test]
    fn recent_lists_read_and_write_as_the_derived_code_did() {
        let list = vec![
            Recent { name: "서울 \"q\"".into(), saved_at: 17e11, link: "1.x".into() },
            Recent { name: String::new(), saved_at: 0.5, link: "1.y".into() },
        ];
        let old: Vec<OldRecent> = list
            .iter()
            .map(|r| OldRecent { name: r.name.clone(), saved_at: r.saved_at, link: r.link.clone() })
            .collect();
        assert_eq!(recent_text(&list), serde_json::to_string(&old).unwrap());
        assert_eq!(recent_text(&[]), "[]");
        for raw in [
            recent_text(&list).as_str(),
            r#"[["a",1,"1.x"]]"#,
            r#"[["a",1]]"#,
            r#"[["a",1,"1.x",4]]"#,
            r#"[{"name":"a","link":"1.x"}]"#,
            r#"[{"name":"a","saved_at":1,"link":"1.x","z":0}]"#,
            r#"{"name":"a"}"#,
            "[]",
            "7",
        ] {
            let old = serde_json::from_str::<Vec<OldRecent>>(raw).ok();
            let new = read_recent(raw).map(|l| {
                l.into_iter()
                    .map(|r| OldRecent { name: r.name, saved_at: r.saved_at, link: r.link })
                    .collect()
            });
            assert_eq!(new, old, "{raw}");
        }
    }

    #[test]
    fn autosave_text_is_the_derived_text() {
        let extras = Extras {
            selection: vec!["app-1".into(), "\"q\"".into()],
            view: Some(SavedView { x: 1.5, y: -0.0, zoom: 1e300 }),
        };
        let old = |e: &Extras| {
            let view = e.view.map(|v| OldView { x: v.x, y: v.y, zoom: v.zoom });
            let a = OldAutosave {
                link: "1.abc".into(),
                extras: OldExtras { selection: e.selection.clone(), view },
            };
            serde_json::to_string(&a).unwrap()
        };
        assert_eq!(autosave_text("1.abc", &extras), old(&extras));
        assert_eq!(autosave_text("1.abc", &Extras::default()), old(&Extras::default()));
    }
}
