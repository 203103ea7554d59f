//! Share, Export, Import and Recent buttons, the share dialog with its QR code (and the code
//! full screen, "Show QR", for a class to scan from the back of the room), and
//! [`share_notice`], the banner that says what was opened, what was kept and what was refused.
//!
//! An unchanged preset is shared as `?preset=ID` (about 40 characters, a QR code of 29 modules
//! rather than about 80), which opens it with its lesson; any other design as its `#s=` link.
//!
//! Every load goes through [`Keep`], so nothing opened from here can lose the current work.
//! User text (scenario names) is only ever rendered as text.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::ui::class::class_list;

use super::qr;
use crate::i18n::{t, tf, Key, Lang};
use crate::share;
use crate::ui::hooks::keep::Keep;
use crate::ui::platform::deflate;
use crate::ui::platform::file_io::{self, use_file_drop};
use crate::ui::platform::notice::{isolated_parts, preset_title, scenario_name, Notice, Says};
use crate::ui::platform::persist::{self, Origin, Recent};

mod text {
    pub const JSON_MIME: &str = "application/json";
    /// Past this many characters some chat apps and mail clients cut a link.
    pub const LONG_LINK: usize = 2000;
}

/// The name in full for the tooltip (a preset's translated title, or what was typed).
fn full_name(lang: Lang, name: &str) -> String {
    preset_title(lang, name).map_or_else(|| name.to_string(), str::to_string)
}

/// The share dialog: the browser compresses the link asynchronously (a few milliseconds), so
/// the dialog opens at once saying so, then shows the link.
#[derive(PartialEq)]
enum Dialog {
    /// The link is being made; the flag is cleared if the dialog closes first, so a late
    /// result does not reopen it.
    Preparing(Rc<Cell<bool>>),
    Ready(Rc<ShareView>),
    /// The browser could not compress (its own message).
    Failed(String),
}

/// What the share dialog shows, computed once when it opens.
#[derive(PartialEq)]
struct ShareView {
    url: String,
    /// The QR image; `None` when the link is too long for one (said at render, in the
    /// language of the moment).
    qr: Option<qr::QrImage>,
    seed: u64,
}

/// The QR code full screen: off, over the share dialog (Escape goes back to it), or opened on
/// its own from presentation mode (Escape closes both, back to the stage).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BigQr {
    Off,
    OverDialog,
    Alone,
}

/// The share menu's state, held by the root (a hook, not a component of its own).
#[derive(Clone)]
pub struct ShareMenuState {
    dialog: UseStateHandle<Option<Dialog>>,
    big: UseStateHandle<BigQr>,
    status: UseStateHandle<Key>,
    recent_open: UseStateHandle<bool>,
    file_input: NodeRef,
    url_input: NodeRef,
    open_file: Callback<File>,
    /// A file is being dragged over the page.
    dragging: bool,
    /// Another part the link carries beside the design: a fragment key and its JSON, packed
    /// like the design (the Curve tab's pinned curve, `&c=`). Set by its owner.
    pub extra: Rc<RefCell<Option<(&'static str, String)>>>,
}

#[hook]
pub fn use_share_menu(keep: &Keep) -> ShareMenuState {
    let keep = keep.clone();
    let dialog = use_state(|| None::<Dialog>);
    let big = use_state(|| BigQr::Off);
    let status = use_state(|| Key::ShareCopying);
    let recent_open = use_state(|| false);
    let file_input = use_node_ref();
    let url_input = use_node_ref();

    let open_file = {
        let keep = keep.clone();
        Callback::from(move |file: File| {
            let keep = keep.clone();
            let name = file.name();
            let json = name.to_ascii_lowercase().ends_with(".json") || file.type_().contains("json");
            if !json {
                keep.tell(Notice::new(Says::NotJson { file: name }));
                return;
            }
            file_io::read_bytes(
                file,
                Callback::from(move |bytes: Result<Vec<u8>, share::ShareError>| {
                    let origin = Origin::File(&name);
                    keep.open_result(bytes.and_then(|b| share::from_file_bytes(&b)), origin);
                }),
            );
        })
    };
    let dragging = use_file_drop(open_file.clone());

    {
        // The link is focused and selected on open (ready for Ctrl+C); Escape closes the QR
        // view first, then the dialog.
        let (dialog, big) = (dialog.clone(), big.clone());
        let url_input = url_input.clone();
        let ready = matches!(*dialog, Some(Dialog::Ready(_)));
        use_effect_with((dialog.is_some(), ready, *big), move |&(open, _, shown)| {
            if let Some(input) = url_input.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::window(), "keydown", move |e| {
                    if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
                        if shown == BigQr::OverDialog {
                            big.set(BigQr::Off);
                        } else {
                            big.set(BigQr::Off);
                            close(&dialog);
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    let extra = use_mut_ref(|| None);
    ShareMenuState { dialog, big, status, recent_open, file_input, url_input, open_file, dragging, extra }
}

/// Opens the share dialog for the design being edited, or (`qr_alone`, presentation mode's Q)
/// its QR code full screen. An unchanged preset gets its short `?preset=` address at once; any
/// other design is compressed by the browser first (the dialog says so meanwhile).
pub fn open_share(lang: Lang, keep: &Keep, menu: &ShareMenuState, qr_alone: bool) {
    let (dialog, status, big) = (menu.dialog.clone(), menu.status.clone(), menu.big.clone());
    big.set(if qr_alone { BigQr::Alone } else { BigQr::Off });
    let scenario = keep.scenario().clone();
    let ready = move |url: String| {
        let qr = qr::qr_image(lang, &url).ok();
        dialog.set(Some(Dialog::Ready(Rc::new(ShareView { qr, url: url.clone(), seed: scenario.seed }))));
        copy(url, status);
    };
    let extra = menu.extra.borrow().clone();
    if let (Some(id), None) = (crate::catalog::preset_id_of(keep.scenario()), &extra) {
        return ready(persist::preset_url(&persist::base_url(), id));
    }
    let live = Rc::new(Cell::new(true));
    menu.dialog.set(Some(Dialog::Preparing(live.clone())));
    let (scenario, dialog) = (keep.scenario().clone(), menu.dialog.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let made = deflate::link(&scenario).await;
        // The extra part, packed the same way: `&key=1.…` after the design.
        let mut part = String::new();
        if let Some((key, json)) = extra {
            if let Ok(zlib) = deflate::zlib(json.as_bytes()).await {
                part = format!("&{key}={}", share::link_from_zlib(&zlib));
            }
        }
        if !live.get() {
            return;
        }
        match made {
            Ok(link) => ready(format!("{}{}{part}", persist::base_url(), share::fragment_of(&link))),
            Err(e) => {
                // A missing API is a TypeError; its message names it.
                let detail = e
                    .dyn_ref::<js_sys::Error>()
                    .map_or_else(|| "CompressionStream".to_string(), |e| String::from(e.message()));
                dialog.set(Some(Dialog::Failed(detail)));
            }
        }
    });
}

/// The buttons, the dialog and the recent list, drawn from [`use_share_menu`]'s state.
pub fn share_menu(lang: Lang, keep: &Keep, menu: &ShareMenuState) -> Html {
    let keep = keep.clone();
    let ShareMenuState {
        dialog, big, status, recent_open, file_input, url_input, open_file, dragging, ..
    } = menu.clone();
    let on_share = {
        let (keep, menu) = (keep.clone(), menu.clone());
        Callback::from(move |_| open_share(lang, &keep, &menu, false))
    };
    let on_copy = {
        let (dialog, status) = (dialog.clone(), status.clone());
        Callback::from(move |_| {
            if let Some(Dialog::Ready(d)) = dialog.as_ref() {
                copy(d.url.clone(), status.clone());
            }
        })
    };
    let on_close = {
        let (dialog, big) = (dialog.clone(), big.clone());
        Callback::from(move |_| {
            big.set(BigQr::Off);
            close(&dialog);
        })
    };
    let on_big = {
        let big = big.clone();
        Callback::from(move |_| big.set(BigQr::OverDialog))
    };
    let on_big_close = {
        let (dialog, big) = (dialog.clone(), big.clone());
        Callback::from(move |_| {
            if *big == BigQr::Alone {
                close(&dialog);
            }
            big.set(BigQr::Off);
        })
    };
    let on_export = {
        let keep = keep.clone();
        Callback::from(move |_| {
            let s = keep.scenario();
            let file_text = share::to_json_file(s);
            if let Err(e) =
                file_io::download(&file_io::export_file_name(&s.name), &file_text, text::JSON_MIME)
            {
                keep.tell(Notice::new(Says::DownloadFailed { detail: e }));
            }
        })
    };
    let on_import = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file_chosen = Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
        let file = input.files().and_then(|f| f.get(0));
        // Cleared so that choosing the same file again still fires `change`.
        input.set_value("");
        if let Some(file) = file {
            open_file.emit(file);
        }
    });
    let toggle_recent = {
        let recent_open = recent_open.clone();
        Callback::from(move |_| recent_open.set(!*recent_open))
    };

    html! {
        <div class="share-menu">
            <span class="share-name" data-testid="scenario-name" title={full_name(lang, &keep.scenario().name)}>
                { scenario_name(lang, &keep.scenario().name) }
            </span>
            <button data-testid="share" onclick={on_share}>{ t(lang, Key::ShareBtn) }</button>
            <button data-testid="export" onclick={on_export}>{ t(lang, Key::ExportBtn) }</button>
            <button data-testid="import" onclick={on_import}>{ t(lang, Key::ImportBtn) }</button>
            <input type="file" class="share-file" accept=".json,application/json" data-testid="import-file"
                ref={file_input} onchange={on_file_chosen} />
            <div class="share-recent">
                <button data-testid="recent" aria-expanded={(*recent_open).to_string()} onclick={toggle_recent}>
                    { format!("{} ▾", t(lang, Key::RecentBtn)) }
                </button>
                if *recent_open {
                    { recent_list(lang, &keep, &keep.recent, recent_open.clone()) }
                }
            </div>
            if let Some(d) = dialog.as_ref() {
                if let (Dialog::Ready(view), true) = (d, *big != BigQr::Off) {
                    { qr_view(lang, view, on_big_close) }
                } else {
                    { share_dialog(lang, d, *status, url_input.clone(), on_copy, on_close, on_big) }
                }
            }
            if dragging {
                <div class="share-drop" data-testid="drop-overlay">{ t(lang, Key::ShareDrop) }</div>
            }
        </div>
    }
}

/// Closes the share dialog; a link still being made is dropped when it arrives.
fn close(dialog: &UseStateHandle<Option<Dialog>>) {
    if let Some(Dialog::Preparing(live)) = dialog.as_ref() {
        live.set(false);
    }
    dialog.set(None);
}

/// Writes the link to the clipboard and reports how it went.
fn copy(url: String, status: UseStateHandle<Key>) {
    status.set(Key::ShareCopying);
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::spawn_local(async move {
        let done = JsFuture::from(clipboard.write_text(&url)).await;
        status.set(if done.is_ok() { Key::ShareLinkCopied } else { Key::ShareCopyRefused });
    });
}

fn share_dialog(
    lang: Lang,
    dialog: &Dialog,
    status: Key,
    url_input: NodeRef,
    on_copy: Callback<MouseEvent>,
    on_close: Callback<MouseEvent>,
    on_big: Callback<MouseEvent>,
) -> Html {
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    let close = html! {
        <button class="share-close" data-testid="share-close" onclick={on_close}>{ t(lang, Key::ShareClose) }</button>
    };
    let view = match dialog {
        Dialog::Ready(view) => view,
        Dialog::Preparing(_) => {
            let body = html! { <p class="share-status" role="status" data-testid="share-preparing">{ t(lang, Key::SharePreparing) }</p> };
            return dialog_frame(lang, body, close);
        }
        Dialog::Failed(detail) => {
            let body = html! { <p class="share-status" role="alert" data-testid="share-failed">{ tf(lang, Key::ShareLinkFailed, &[detail]) }</p> };
            return dialog_frame(lang, body, close);
        }
    };
    let body = html! { <>
                <p class="share-hint">
                    { tf(lang, Key::ShareHint, &[&view.seed.to_string()]) }
                </p>
                <div class="share-row">
                    <input class="share-url" readonly=true value={view.url.clone()} data-testid="share-url" ref={url_input}
                        aria-label={t(lang, Key::ShareLinkLabel)} onfocus={select_all} />
                    <button data-testid="share-copy" onclick={on_copy}>{ t(lang, Key::ShareCopy) }</button>
                </div>
                <p class="share-status" role="status" data-testid="share-status">{ t(lang, status) }</p>
                {
                    match &view.qr {
                        Some(qr) => html! { <>
                            <img class="share-qr" src={qr.src.clone()} alt={t(lang, Key::ShareQrAlt)} data-testid="share-qr" />
                            <button class="share-show-qr" data-testid="show-qr" onclick={on_big}>{ t(lang, Key::ShowQr) }</button>
                        </> },
                        None => html! { <p class="share-qr-none" data-testid="share-qr-none">
                            { tf(lang, Key::ShareQrTooLong, &[&view.url.len().to_string()]) }
                        </p> },
                    }
                }
                if view.url.len() > text::LONG_LINK {
                    <p class="share-size share-long" data-testid="share-long">
                        { tf(lang, Key::ShareLongLink, &[&view.url.len().to_string()]) }
                    </p>
                } else {
                    <p class="share-size">{ tf(lang, Key::ShareChars, &[&view.url.len().to_string()]) }</p>
                }
    </> };
    dialog_frame(lang, body, close)
}

/// The QR code alone on a white screen, each module a whole number of pixels and as large as
/// the window allows (beside the address and how to close it on a wide screen, above them on a
/// tall one).
fn qr_view(lang: Lang, view: &ShareView, on_close: Callback<MouseEvent>) -> Html {
    let window = gloo::utils::window();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (w, h) = (size(window.inner_width()), size(window.inner_height()));
    // Room for the code: the window's short side less a margin, less the text beside or under it.
    let space = if w >= h { (h - 24.0).min(w - 420.0) } else { (w - 24.0).min(h - 220.0) };
    let body = match &view.qr {
        Some(qr) => {
            let side = qr::module_px(qr.modules, space) as usize * qr.modules;
            html! {
                <img class="qr-big" src={qr.src.clone()} alt={t(lang, Key::ShareQrAlt)} data-testid="qr-big"
                    data-modules={qr.modules.to_string()} style={format!("width:{side}px;height:{side}px")} />
            }
        }
        None => {
            html! { <p class="share-qr-none">{ tf(lang, Key::ShareQrTooLong, &[&view.url.len().to_string()]) }</p> }
        }
    };
    html! {
        <div class="qr-view" role="dialog" aria-modal="true" aria-label={t(lang, Key::ShowQr)} data-testid="qr-view">
            { body }
            <div class="qr-side">
                <p class="qr-url" data-testid="qr-url">{ view.url.clone() }</p>
                <p class="qr-help">{ t(lang, Key::ShowQrHelp) }</p>
                <button data-testid="qr-close" onclick={on_close}>{ t(lang, Key::ShareClose) }</button>
            </div>
        </div>
    }
}

/// The dialog around its body, with the title and the close button, in every state.
fn dialog_frame(lang: Lang, body: Html, close: Html) -> Html {
    html! {
        <div class="share-backdrop">
            <div class="share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog">
                <h2 id="share-title">{ t(lang, Key::ShareDialogTitle) }</h2>
                { body }
                { close }
            </div>
        </div>
    }
}

fn recent_list(lang: Lang, keep: &Keep, recent: &[Recent], open: UseStateHandle<bool>) -> Html {
    if recent.is_empty() {
        return html! { <div class="share-recent-list" data-testid="recent-list"><p>{ t(lang, Key::RecentEmpty) }</p></div> };
    }
    let now = persist::now_ms();
    html! {
        <ul class="share-recent-list" data-testid="recent-list">
            { for recent.iter().map(|r| {
                let (keep, open, link) = (keep.clone(), open.clone(), r.link.clone());
                let onclick = Callback::from(move |_| {
                    open.set(false);
                    keep.open_link(&link);
                });
                html! {
                    <li><button data-testid="recent-item" {onclick}>
                        <span class="share-recent-name">{ scenario_name(lang, &r.name) }</span>
                        <span class="share-recent-time">{ ago(lang, now - r.saved_at) }</span>
                    </button></li>
                }
            }) }
        </ul>
    }
}

/// The banner: what was opened, what was kept (with "Go back"), or why nothing was loaded.
/// Apart from the menu so the page can place it in the flow, under the top bar, where it
/// pushes the content down instead of covering it.
pub fn share_notice(lang: Lang, keep: &Keep) -> Html {
    let Some(n) = keep.notice.as_ref() else { return html! {} };
    let back = n.back.clone().map(|link| {
        let keep = keep.clone();
        let onclick = Callback::from(move |_| keep.open_link(&link));
        html! { <button data-testid="notice-back" {onclick}>{ t(lang, Key::ShareGoBack) }</button> }
    });
    let dismiss = {
        let keep = keep.clone();
        Callback::from(move |_| keep.dismiss())
    };
    let error = n.error();
    let class = class_list("share-notice", &[Some(if error { "error" } else { "info" })]);
    html! {
        <div {class} role={ if error { "alert" } else { "status" } } data-testid="share-notice">
            <span class="share-notice-text" data-testid="notice-text">{ isolated(&n.marked(lang)) }</span>
            { for back }
            <button class="share-dismiss" aria-label={t(lang, Key::ShareDismiss)} data-testid="notice-dismiss" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}

/// A sentence with each user text in a `<bdi>`, so it cannot reorder the rest (the banner, the
/// event log).
pub(in crate::ui) fn isolated(marked: &str) -> Html {
    isolated_parts(marked)
        .into_iter()
        .map(|(iso, s)| {
            if iso {
                html! { <bdi>{ s }</bdi> }
            } else {
                html! { { s } }
            }
        })
        .collect::<Html>()
}

/// "just now", "5 min ago", "3 h ago", "2 d ago".
fn ago(lang: Lang, ms: f64) -> String {
    // NaN (a damaged time from storage) reads as "just now".
    let min = (ms / 60_000.0).floor();
    let (key, n) = match if min.is_nan() { 0.0 } else { min } {
        m if m < 1.0 => return t(lang, Key::AgoJustNow).to_string(),
        m if m < 60.0 => (Key::AgoMinutes, m),
        m if m < 60.0 * 24.0 => (Key::AgoHours, (m / 60.0).floor()),
        m => (Key::AgoDays, (m / 1440.0).floor()),
    };
    tf(lang, key, &[&format!("{n:.0}")])
}
