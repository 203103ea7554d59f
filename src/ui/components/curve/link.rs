//! The pinned curve and the share link: the curve part (`&c=`, `sweep::pinned`) is handed to
//! the share menu whenever the pin changes, and an address that carries one is read at the
//! start and whenever a link is pasted into the address bar, with the browser's inflater and every check of `PinnedCurve::from_json`. A
//! refused curve part leaves the design of the link alone; the tab says why.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::Reflect;
use yew::prelude::*;

use super::state::{CurveAction, CurveState};
use crate::i18n::{describe_share_error, t, tf, Key, Lang};
use crate::share::{checked, fragment_value, unwrap_packed, MAX_JSON_LEN};
use crate::sweep::pinned::{CurveLinkError, PinnedCurve, CURVE_KEY};
use crate::ui::platform::deflate::inflate_raw;
use crate::ui::platform::persist::current_hash;

/// The share menu's extra part: the pinned curve's JSON under [`CURVE_KEY`], or nothing.
pub type Extra = Rc<RefCell<Option<(&'static str, String)>>>;

/// Keeps the share menu's extra part in step with the pinned curve.
#[hook]
pub fn use_share_pinned(state: &UseReducerHandle<CurveState>, extra: &Extra) {
    let extra = extra.clone();
    let pinned = state.pinned.clone();
    use_effect_with(pinned, move |pinned| {
        *extra.borrow_mut() = pinned.as_ref().map(|c| (CURVE_KEY, c.pinned().to_json()));
    });
}

/// Reads the pinned curve of the start address, if it has one, and of every link pasted into
/// the address bar while the app runs (the design of that link opens through `Keep`; its curve
/// opens here, or is refused with the reason, beside it). The address is read during the first
/// render, before the link's own reading clears the fragment, and from each `hashchange`
/// event's new address.
#[hook]
pub fn use_linked_curve(state: &UseReducerHandle<CurveState>) {
    let part = use_memo((), |_| curve_part(&current_hash()));
    let dispatch = state.dispatcher();
    use_effect_with(part, move |part| {
        if let Some(link) = (**part).clone() {
            open(dispatch.clone(), link);
        }
        let listener = web_sys::window().map(|w| {
            // The address the event names (`HashChangeEvent.newURL`), not the location:
            // `Keep`'s own listener, which runs first, may already have cleared the fragment.
            EventListener::new(&w, "hashchange", move |e| {
                let url =
                    Reflect::get(e, &"newURL".into()).ok().and_then(|u| u.as_string()).unwrap_or_default();
                if let Some(link) = url.split_once('#').and_then(|(_, hash)| curve_part(hash)) {
                    open(dispatch.clone(), link);
                }
            })
        });
        move || drop(listener)
    });
}

fn curve_part(hash: &str) -> Option<String> {
    fragment_value(hash, CURVE_KEY).map(str::to_string)
}

/// Inflates and checks a curve part in the background, then pins it or says why not.
fn open(dispatch: UseReducerDispatcher<CurveState>, link: String) {
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.dispatch(CurveAction::Linked(read(&link).await));
    });
}

async fn read(link: &str) -> Result<PinnedCurve, CurveLinkError> {
    let packed = unwrap_packed(link).map_err(CurveLinkError::Envelope)?;
    let bytes = inflate_raw(&packed.deflate, MAX_JSON_LEN).await.map_err(CurveLinkError::Envelope)?;
    let bytes = checked(&packed, bytes).map_err(CurveLinkError::Envelope)?;
    PinnedCurve::from_json(&bytes)
}

/// What the tab says about the address's pinned curve.
pub fn link_notice(lang: Lang, link: &Result<(), CurveLinkError>) -> String {
    match link {
        Ok(()) => t(lang, Key::CurveFromLink).to_string(),
        Err(e) => tf(lang, Key::CurveLinkRefused, &[&describe(lang, e)]),
    }
}

fn describe(lang: Lang, e: &CurveLinkError) -> String {
    match e {
        CurveLinkError::Envelope(e) => describe_share_error(lang, e),
        CurveLinkError::Shape(m) => tf(lang, Key::CurveErrShape, &[m]),
        CurveLinkError::TooManyPoints { count, max } => {
            tf(lang, Key::CurveErrPoints, &[&count.to_string(), &max.to_string()])
        }
        CurveLinkError::BadNumber { point, field } => {
            tf(lang, Key::CurveErrNumber, &[&point.to_string(), field])
        }
        CurveLinkError::BadLimit { point } => tf(lang, Key::CurveErrLimit, &[&point.to_string()]),
        CurveLinkError::BadTitle => t(lang, Key::CurveErrTitle).to_string(),
        CurveLinkError::Design(e) => tf(lang, Key::CurveErrDesign, &[&describe_share_error(lang, e)]),
    }
}
