//! Work survives a reload, and opening someone's link never silently throws work away.
//!
//! Everything is kept in `localStorage` as the scenario's compact JSON (a link's text before it
//! is compressed: `share::to_compact_json`, written synchronously, on every edit and at unload;
//! older builds kept link text, still read), and what comes back from storage goes through the
//! same hardened loader as a stranger's link (`share::from_stored`): storage is untrusted too
//! (other versions of the app, extensions, a user poking at devtools all write there).
//!
//! At start the app opens, in order: the link in the URL fragment, else the autosave, else the
//! default scenario. A link is inflated by the browser, asynchronously, so the app first shows
//! the autosave (or the default) and then opens the link exactly as if it had been read first
//! (`finish_boot`); an autosave kept as link text by an older build likewise opens a moment
//! after the default (its selection and view are not restored). Whenever a link, file or
//! recent entry replaces work that differs from it, that work is first pushed onto the recent
//! list and the notice says so, with a way back. The fragment is removed from the address bar
//! once the link is opened or refused, so a reload restores the autosave (the edits made
//! since) rather than the link as it was first opened.

use serde::{Deserialize, Serialize};
use web_sys::Storage;

use super::notice::{Notice, Says, Source, Why};
use super::persist_json::{autosave_text, read_autosave, read_recent, recent_text, NotRecord};
use crate::editor::View;
use crate::model::Scenario;
use crate::share::{self, ShareError, Stored};

/// Versioned keys: a future format gets new keys instead of misreading these.
pub const AUTOSAVE_KEY: &str = "archlab.autosave.v1";
pub const RECENT_KEY: &str = "archlab.recent.v1";
/// Where an autosave that no longer opens is moved, so a failed restore destroys nothing.
pub const BROKEN_KEY: &str = "archlab.autosave.v1.unreadable";
pub const RECENT_MAX: usize = 10;
/// Where a scenario came from, for "Opened … from …".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Origin<'a> {
    Link,
    File(&'a str),
    Recent,
    /// The Presets menu and a lesson's "load this design" button.
    Preset,
}

impl Origin<'_> {
    fn source(self) -> Source {
        match self {
            Origin::Link => Source::Link,
            Origin::File(name) => Source::File(name.to_string()),
            Origin::Recent => Source::Recent,
            Origin::Preset => Source::Preset,
        }
    }
}

/// The canvas view, saved beside the scenario (never shared in links): the editor's pan and
/// zoom in the storage format this adapter owns.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl From<View> for SavedView {
    fn from(v: View) -> Self {
        SavedView { x: v.x, y: v.y, zoom: v.zoom }
    }
}

impl From<SavedView> for View {
    fn from(v: SavedView) -> Self {
        View { x: v.x, y: v.y, zoom: v.zoom }
    }
}

/// Editing state restored on reload but not part of the scenario: what was selected and
/// where the canvas looked. The app fills it from its editor state when it has one.
/// Stored beside the scenario in `AUTOSAVE_KEY` (`persist_json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extras {
    #[serde(default)]
    pub selection: Vec<String>,
    #[serde(default)]
    pub view: Option<SavedView>,
}

/// One entry of the recent list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recent {
    pub name: String,
    /// Milliseconds since the Unix epoch, from the browser's clock (display only).
    pub saved_at: f64,
    /// The scenario as kept: compact JSON, or link text in entries older builds wrote (the
    /// name is theirs); opened with `share::from_stored`.
    pub link: String,
}

/// What the app starts with.
#[derive(Clone, Debug, PartialEq)]
pub struct Boot {
    pub scenario: Scenario,
    pub extras: Extras,
    pub notice: Option<Notice>,
    /// Link text still to be inflated by the browser (`keep::use_persistence` finishes the
    /// start with it); `None` when the start was decided synchronously.
    pub pending: Option<Pending>,
    /// The start is a scenario the address asked for (`?preset=`, `?bench`): the autosave keeps
    /// the work it holds until the user edits, so opening such a link, or reloading it,
    /// overwrites nothing (the work is on the recent list too).
    pub hold_autosave: bool,
}

/// What the start could not read synchronously: link text, which only the browser's
/// asynchronous `DecompressionStream` inflates (`ui::deflate`).
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// The `#s=` link of the address (the fragment stays until it is opened or refused).
    pub link: Option<String>,
    /// The autosave as read: ready, or link text kept by an older build.
    pub saved: Option<Saved>,
    /// The raw autosave record, set aside under [`BROKEN_KEY`] if it turns out unreadable.
    pub raw: Option<String>,
    /// What opens when neither does.
    pub default: Scenario,
}

/// An autosave record, read as far as can be done synchronously.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "read once and taken apart at once: no boxing needed")]
pub enum Saved {
    Ready(Result<(Scenario, Extras), Why>),
    /// Link text kept by an older build, with the extras stored beside it.
    Link(String, Extras),
}

/// Chooses the starting scenario: what the address's query asks for (`asked`: `?preset=`,
/// `?bench`), else the URL's link, else the autosave, else `default()`. A scenario asked for
/// opens through the same door as a link: the autosave it replaces goes onto the recent list
/// and the notice says so, with a way back.
/// A rejected link loads nothing and says why; the autosave is still restored under it.
/// When link text must be inflated first, the start is the autosave (when it is kept JSON)
/// or the default, and [`Boot::pending`] holds the rest for [`finish_boot`].
pub fn boot(default: impl FnOnce() -> Scenario, asked: Option<Scenario>) -> Boot {
    let raw = storage().and_then(|s| s.get_item(AUTOSAVE_KEY).ok().flatten());
    let saved = raw.as_deref().map(read_saved_form);
    if let Some(asked) = asked {
        let saved = match saved {
            Some(Saved::Ready(r)) => Some(r),
            // Old link text cannot be compared synchronously; it stays in the held autosave.
            Some(Saved::Link(..)) | None => None,
        };
        let mut start = choose(Some(Ok(asked)), saved, default, raw.as_deref());
        start.hold_autosave = true;
        return start;
    }
    let link = share::fragment_link(&current_hash()).map(str::to_string);
    if link.is_none() && !matches!(saved, Some(Saved::Link(..))) {
        let saved = saved.map(|s| match s {
            Saved::Ready(r) => r,
            Saved::Link(..) => unreachable!("handled above"),
        });
        return choose(None, saved, default, raw.as_deref());
    }
    let default = default();
    let now = match &saved {
        Some(Saved::Ready(Ok(ready))) => Some(Ok(ready.clone())),
        _ => None,
    };
    let mut start = choose(None, now, || default.clone(), None);
    start.pending = Some(Pending { link, saved, raw, default });
    start
}

/// The start [`boot`] would have chosen had it read everything synchronously, from the
/// pending link and autosave once the browser has decoded them. It has the same effects: the
/// autosave a link replaces goes onto the recent list, an unreadable one is set aside.
pub fn finish_boot(
    pending: Pending,
    link: Option<Result<Scenario, ShareError>>,
    saved: Option<Result<(Scenario, Extras), Why>>,
) -> Boot {
    if pending.link.is_some() {
        clear_hash();
    }
    let Pending { raw, default, .. } = pending;
    choose(link, saved, || default, raw.as_deref())
}

/// The decision of [`boot`] between a decoded link, the autosave and the default.
fn choose(
    from_link: Option<Result<Scenario, ShareError>>,
    saved: Option<Result<(Scenario, Extras), Why>>,
    default: impl FnOnce() -> Scenario,
    raw: Option<&str>,
) -> Boot {
    let link_rejected =
        |e: ShareError| Notice::new(Says::Rejected { what: Source::Link, why: Why::Share(e) });
    match (from_link, saved) {
        (Some(Ok(linked)), saved) => {
            let notice = match saved {
                Some(Ok((prev, _))) if prev != linked => Some(kept_notice(&linked, Origin::Link, &prev)),
                Some(Err(why)) => {
                    let kept = keep_unreadable_autosave(raw);
                    Some(Notice::new(Says::Rejected { what: Source::Autosave { kept }, why }))
                }
                _ => None,
            };
            Boot { scenario: linked, extras: Extras::default(), notice, pending: None, hold_autosave: false }
        }
        (link_err, Some(Ok((scenario, extras)))) => {
            let notice = link_err.and_then(Result::err).map(link_rejected);
            Boot { scenario, extras, notice, pending: None, hold_autosave: false }
        }
        (link_err, saved) => {
            let notice = match (link_err.and_then(Result::err), saved) {
                (Some(e), _) => Some(link_rejected(e)),
                (None, Some(Err(why))) => {
                    let kept = keep_unreadable_autosave(raw);
                    Some(Notice::new(Says::Rejected { what: Source::Autosave { kept }, why }))
                }
                _ => None,
            };
            Boot {
                scenario: default(),
                extras: Extras::default(),
                notice,
                pending: None,
                hold_autosave: false,
            }
        }
    }
}

/// Pushes `current` onto the recent list (when it differs from `next`) and says what opening
/// `next` did. The caller then loads `next`.
pub fn before_open(current: &Scenario, next: &Scenario, origin: Origin) -> Notice {
    if current == next {
        return Notice::new(Says::AlreadyOpen { name: next.name.clone() });
    }
    kept_notice(next, origin, current)
}

fn kept_notice(next: &Scenario, origin: Origin, previous: &Scenario) -> Notice {
    let link = share::to_compact_json(previous);
    push_recent(previous, &link);
    let says =
        Says::Opened { next: next.name.clone(), from: origin.source(), previous: previous.name.clone() };
    Notice { says, back: Some(link) }
}

/// The notice for a link, file or recent entry that was refused (nothing is loaded).
pub fn rejected(origin: Origin, why: &ShareError) -> Notice {
    Notice::new(Says::Rejected { what: origin.source(), why: Why::Share(why.clone()) })
}

/// Saves the scenario and editing extras; `false` when storage refuses (full, disabled).
pub fn save_autosave(scenario: &Scenario, extras: &Extras) -> bool {
    let json = autosave_text(&share::to_compact_json(scenario), extras);
    storage().is_some_and(|s| s.set_item(AUTOSAVE_KEY, &json).is_ok())
}

/// Longest autosave record read, in bytes: the largest JSON a link may hold, escaped as a JSON
/// string (each `"` and `\` of it doubled at most), with room for the view and selection.
pub const MAX_AUTOSAVE_LEN: usize = 2 * share::MAX_JSON_LEN + 64 * 1024;

/// A stored autosave record (kept JSON or, from older builds, link text, with the extras) to
/// the scenario, checked like a link. Native only (tests): the browser inflates old link text
/// asynchronously, after [`read_saved_form`].
#[cfg(not(target_arch = "wasm32"))]
pub fn read_saved(raw: &str) -> Result<(Scenario, Extras), Why> {
    match read_saved_form(raw) {
        Saved::Ready(result) => result,
        Saved::Link(link, extras) => share::decode(&link).map(|s| (s, extras)).map_err(Why::Share),
    }
}

/// The synchronous part of reading an autosave record: everything but inflating old link text.
pub fn read_saved_form(raw: &str) -> Saved {
    if raw.len() > MAX_AUTOSAVE_LEN {
        return Saved::Ready(Err(Why::AutosaveTooLarge { len: raw.len(), max: MAX_AUTOSAVE_LEN }));
    }
    let (kept, extras) = match read_autosave(raw) {
        Ok(read) => read,
        Err(NotRecord::Syntax(line, column)) => return Saved::Ready(Err(Why::NotAutosave { line, column })),
        Err(NotRecord::Shape) => return Saved::Ready(Err(Why::NotAutosaveRecord)),
    };
    let extras = sane_extras(extras);
    match share::stored_form(&kept) {
        Stored::Json(result) => Saved::Ready(result.map(|s| (s, extras)).map_err(Why::Share)),
        Stored::Link(_) => Saved::Link(kept, extras),
    }
}

/// The view and selection come from storage too: keep them finite and small.
pub fn sane_extras(mut e: Extras) -> Extras {
    e.selection.truncate(1000);
    e.selection.retain(|id| id.len() <= 200);
    if let Some(v) = e.view {
        let ok = [v.x, v.y, v.zoom].iter().all(|n| n.is_finite()) && v.zoom > 0.0;
        if !ok {
            e.view = None;
        }
    }
    e
}

/// Sets the unreadable record aside: `raw` as it was read at start (the app may have saved
/// over it since, while old link text was being inflated). `false` when storage refused the
/// copy (a record of megabytes can pass the quota): the notice then says it is lost.
fn keep_unreadable_autosave(raw: Option<&str>) -> bool {
    match (storage(), raw) {
        (Some(s), Some(raw)) => s.set_item(BROKEN_KEY, raw).is_ok(),
        _ => false,
    }
}

/// The recent list, newest first. Anything unreadable in storage reads as an empty list.
pub fn load_recent() -> Vec<Recent> {
    let raw = storage().and_then(|s| s.get_item(RECENT_KEY).ok().flatten()).unwrap_or_default();
    read_recent_list(&raw)
}

/// The pure part of [`load_recent`]: past [`MAX_AUTOSAVE_LEN`] per entry the text is not a
/// list this app wrote, and reads as empty.
pub fn read_recent_list(raw: &str) -> Vec<Recent> {
    if raw.len() > MAX_AUTOSAVE_LEN * RECENT_MAX {
        return Vec::new();
    }
    let mut list = read_recent(raw).unwrap_or_default();
    list.truncate(RECENT_MAX);
    list
}

/// Puts a scenario at the top of the recent list (once: an older entry with the same text
/// moves up) and stores the list. Kept JSON is larger than a link, so when storage is full the
/// oldest entries go first: the work just replaced is the one that must be kept.
pub fn push_recent(scenario: &Scenario, link: &str) -> Vec<Recent> {
    let mut list = with_recent(load_recent(), &scenario.name, link, now_ms());
    if let Some(s) = storage() {
        while s.set_item(RECENT_KEY, &recent_text(&list)).is_err() && list.len() > 1 {
            list.pop();
        }
    }
    list
}

/// The pure part of [`push_recent`].
pub fn with_recent(mut list: Vec<Recent>, name: &str, link: &str, now: f64) -> Vec<Recent> {
    list.retain(|r| r.link != link);
    list.insert(0, Recent { name: name.to_string(), saved_at: now, link: link.to_string() });
    list.truncate(RECENT_MAX);
    list
}

/// The banner's message when autosave fails.
pub fn storage_failed() -> Notice {
    Notice::new(Says::StorageFailed)
}

fn storage() -> Option<Storage> {
    // `local_storage` throws when storage is disabled (some private modes): treat as absent.
    web_sys::window()?.local_storage().ok()?
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The page's address without its fragment: the base of every share URL.
pub fn base_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let search = shareable_search(&loc.search().unwrap_or_default());
    format!("{origin}{path}{search}")
}

/// The short share URL of an unchanged preset (`catalog::preset_id_of`): the page's address
/// (`base_url`, which has no `preset=` of its own) with `preset=ID`, which opens it through the
/// same door as a link and selects its lesson (`app::asked_for`, `lesson_of_search`).
pub fn preset_url(base: &str, id: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}preset={id}")
}

/// The query string a share URL keeps: everything but the parameters that outrank a link's
/// fragment (`preset`, `bench`), or a link made on `?preset=X` would reopen the preset.
pub fn shareable_search(search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| {
            let key = kv.split_once('=').map_or(*kv, |(k, _)| k);
            !kv.is_empty() && key != "preset" && key != "bench"
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// Takes `preset=` out of the address bar (keeping the rest of the query and the fragment),
/// without a reload or a history entry.
pub fn drop_preset_query() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("preset="))
        .collect();
    let query = if kept.is_empty() { String::new() } else { format!("?{}", kept.join("&")) };
    let url = format!("{}{query}{}", loc.pathname().unwrap_or_default(), loc.hash().unwrap_or_default());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Removes the fragment from the address bar without a reload or a history entry (and
/// without a `hashchange` event).
pub fn clear_hash() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let url = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
