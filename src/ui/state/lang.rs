//! The interface language, held by the root: the browser's language the first time, the
//! student's choice after that (remembered in local storage), and `<html lang>` kept in step
//! so screen readers pronounce Korean as Korean.
//!
//! Korean is not compiled into the wasm: choosing it (or starting with it) fetches the language
//! pack `lang/ko.json` (`i18n::install_pack`) and switches only once it is installed, so the page
//! never shows half-translated text. Meanwhile the button says it is loading; if the fetch
//! fails, the page stays in English with a notice, and choosing Korean again retries.
//!
//! Wiring: the root component holds it and provides the language in the one context
//! (`lab.rs`), where every panel reads it:
//! ```ignore
//! let lang_ctx = use_lang_root();
//! let lab = Lab { lang: lang_ctx.lang, /* … */ };
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::i18n::{install_pack, is_ready, pack_url, t, tf, Key, Lang};

/// Local-storage key of the chosen language ([`Lang::code`]).
pub const LANG_KEY: &str = "archlab.lang";

/// The stored choice if it is one we know, else the browser's language, else English.
pub fn initial_lang(stored: Option<&str>, browser: Option<&str>) -> Lang {
    stored.and_then(Lang::from_code).or_else(|| browser.map(Lang::from_browser_tag)).unwrap_or_default()
}

/// Where the chosen language's texts are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackState {
    /// The shown language's texts are at hand.
    Ready,
    /// The chosen language's pack is being fetched; the page keeps the previous language.
    Loading,
    /// The fetch or the pack failed; the page stayed in the previous language.
    Failed,
}

/// The language, whether a chosen one is still loading, and the way to change it.
#[derive(Clone, PartialEq)]
pub struct LangContext {
    pub lang: Lang,
    pub pack: PackState,
    pub set: Callback<Lang>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn browser_tag() -> Option<String> {
    web_sys::window()?.navigator().language()
}

fn read_initial() -> Lang {
    let stored = storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    initial_lang(stored.as_deref(), browser_tag().as_deref())
}

fn set_html_lang(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// A pack's text, fetched relative to the page (Trunk copies `static/lang/` next to it).
/// Plain `fetch` through web-sys: gloo-net's request builder cost more wasm than this does.
pub(in crate::ui) async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// The root's language state, shared by the button callback and the startup effect.
#[derive(Clone)]
struct Handles {
    /// The language shown and the state of the chosen one's pack, set together so a switch
    /// is one render.
    shown: UseStateHandle<(Lang, PackState)>,
    /// The latest choice: a pack that arrives after the student chose something else is
    /// installed but does not switch.
    wanted: Rc<RefCell<Lang>>,
}

impl Handles {
    fn choose(&self, l: Lang) {
        *self.wanted.borrow_mut() = l;
        if is_ready(l) {
            self.shown.set((l, PackState::Ready));
            return;
        }
        // Only a language without its pack gets here, so the shown one stays until it arrives.
        let from = self.shown.0;
        self.shown.set((from, PackState::Loading));
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let installed = match fetch_text(&pack_url(l)).await {
                Some(text) => install_pack(l, &text).is_ok(),
                None => false,
            };
            if *this.wanted.borrow() == l {
                this.shown.set(if installed { (l, PackState::Ready) } else { (from, PackState::Failed) });
            }
        });
    }
}

/// The language and the way to change it, held by the root (a hook, not a provider component
/// of its own). The page starts in English and switches to a stored or browser Korean once its
/// pack is in.
#[hook]
pub fn use_lang_root() -> LangContext {
    let handles =
        Handles { shown: use_state_eq(|| (Lang::En, PackState::Ready)), wanted: use_mut_ref(|| Lang::En) };
    {
        let handles = handles.clone();
        use_effect_with((), move |_| handles.choose(read_initial()));
    }
    let (lang, pack) = *handles.shown;
    use_effect_with(lang, |l| set_html_lang(*l));
    let set = Callback::from(move |l: Lang| {
        if let Some(s) = storage() {
            // A full or refused storage only means the choice is not remembered.
            let _ = s.set_item(LANG_KEY, l.code());
        }
        handles.choose(l);
    });
    LangContext { lang, pack, set }
}

/// Two buttons, each named in its own language, the current one pressed (and marked ✓, so the
/// state does not rest on colour alone).
/// A plain function, not a component: the app holds the language.
pub fn lang_switch(ctx: &LangContext) -> Html {
    let button = |l: Lang, short: String, name: Key| {
        let pressed = ctx.lang == l;
        let set = ctx.set.clone();
        html! {
            <button type="button" class={class_list("lang-option", &[pressed.then_some("on")])}
                data-testid={format!("lang-{}", l.code())}
                aria-pressed={pressed.to_string()} lang={l.code()}
                aria-label={t(l, name)} title={t(l, name)}
                onclick={Callback::from(move |_| set.emit(l))}>
                { if pressed { "✓ " } else { "" } }{ short }
            </button>
        }
    };
    let korean = t(ctx.lang, Key::LangKorean);
    let korean = match ctx.pack {
        PackState::Loading => tf(ctx.lang, Key::LangLoading, &[korean]),
        PackState::Ready | PackState::Failed => korean.to_string(),
    };
    html! {
        <div class="lang-switch" role="group" aria-label={t(ctx.lang, Key::Language)}
            aria-busy={(ctx.pack == PackState::Loading).then_some("true")}>
            { button(Lang::En, "EN".into(), Key::LangEnglish) }
            { button(Lang::Ko, korean, Key::LangKorean) }
        </div>
    }
}

/// The notice that the chosen language could not be loaded (the page stayed as it was);
/// choosing the language again retries, choosing another clears it.
pub fn lang_notice(ctx: &LangContext) -> Html {
    if ctx.pack != PackState::Failed {
        return html! {};
    }
    html! {
        <div class="share-notice error" role="alert" data-testid="lang-notice">
            <span class="share-notice-text">
                { tf(ctx.lang, Key::LangLoadFailed, &[t(ctx.lang, Key::LangKorean)]) }
            </span>
        </div>
    }
}
