//! Scenario files in and out of the browser: a download made from a Blob, reading a picked or
//! dropped file, and the page-level drop target.
//!
//! A file is untrusted like a link: its size is checked *before* it is read, so dropping a
//! huge file costs nothing, and its bytes go through `share::from_file_bytes`, the runner's
//! own rule (strict UTF-8, a UTF-8 byte-order mark skipped, a UTF-16 one refused). Not
//! `File.text()`: it replaces bad bytes with U+FFFD, so a Latin-1 file opened mangled.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, DragEvent, File, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::share::{ShareError, MAX_JSON_LEN};

/// Longest file name stem an export gets (before `.json`).
const MAX_STEM: usize = 40;

/// A safe file name for a scenario: lower-case letters, digits and dashes, then `.json`.
/// ("Two regions: Seoul + Tokyo" → "two-regions-seoul-tokyo.json").
pub fn export_file_name(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.len() >= MAX_STEM {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    format!("{}.json", if stem.is_empty() { "archlab-scenario" } else { stem })
}

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let result = click_link(&url, file_name);
    // The click has already handed the blob to the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    result.map_err(fail)
}

fn click_link(url: &str, file_name: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(file_name);
    a.set_attribute("hidden", "")?;
    let body = gloo::utils::body();
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    Ok(())
}

/// Reads a file's bytes, refusing before reading anything if it is larger than any scenario.
/// A file the browser cannot read (removed since it was picked) reads as empty.
pub fn read_bytes(file: File, done: Callback<Result<Vec<u8>, ShareError>>) {
    let size = file.size();
    if size > MAX_JSON_LEN as f64 {
        done.emit(Err(ShareError::FileTooLarge { len: size as usize, max: MAX_JSON_LEN }));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let buffer = JsFuture::from(file.array_buffer()).await;
        done.emit(match buffer {
            Ok(b) => Ok(js_sys::Uint8Array::new(&b).to_vec()),
            Err(_) => Err(ShareError::Empty),
        });
    });
}

/// The first file of a drag, if it carries files at all.
fn dragged_file(e: &DragEvent) -> Option<File> {
    e.data_transfer()?.files()?.get(0)
}

fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// Makes the whole page a drop target for files; returns whether a file is being dragged
/// over it (for a "drop to open" overlay). Drags of anything but files are left alone.
#[hook]
pub fn use_file_drop(on_file: Callback<File>) -> bool {
    let over = use_state(|| false);
    let latest = use_mut_ref(|| on_file.clone());
    *latest.borrow_mut() = on_file;
    {
        let over = over.clone();
        use_effect_with((), move |_| {
            let shown = Rc::new(Cell::new(false));
            let show = move |v: bool| {
                if shown.replace(v) != v {
                    over.set(v);
                }
            };
            let show2 = show.clone();
            let show3 = show.clone();
            let window = gloo::utils::window();
            // Not passive: preventDefault is what allows a drop (and stops the browser from
            // navigating to the file).
            let opts = EventListenerOptions::enable_prevent_default();
            let on_over = EventListener::new_with_options(&window, "dragover", opts, move |e| {
                let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                if carries_files(e) {
                    e.prevent_default();
                    show(true);
                }
            });
            let on_leave = EventListener::new(&window, "dragleave", move |e| {
                // Leaving the window (not just moving between elements) has no related target.
                if e.dyn_ref::<web_sys::MouseEvent>().is_some_and(|m| m.related_target().is_none()) {
                    show2(false);
                }
            });
            let on_drop = EventListener::new_with_options(&window, "drop", opts, move |e| {
                let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                if !carries_files(e) {
                    return;
                }
                e.prevent_default();
                show3(false);
                if let Some(file) = dragged_file(e) {
                    latest.borrow().emit(file);
                }
            });
            move || drop((on_over, on_leave, on_drop))
        });
    }
    *over
}
