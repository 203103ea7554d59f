//! The interface language, held by the root: the browser's language the first time, the
//! student's choice after that (remembered in local storage), and `<html lang>` kept in step
//! so screen readers pronounce Korean as Korean.
//!
//! Wiring: the root component holds it and hands the language down, in `Shared.lang` or as a
//! `lang` property:
//! ```ignore
//! let lang_ctx = use_lang_root();
//! let shared = Shared { lang: lang_ctx.lang, /* … */ };
//! ```

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::i18n::{t, Key, Lang};

/// Local-storage key of the chosen language ([`Lang::code`]).
pub const LANG_KEY: &str = "archlab.lang";

/// The stored choice if it is one we know, else the browser's language, else English.
pub fn initial_lang(stored: Option<&str>, browser: Option<&str>) -> Lang {
    stored.and_then(Lang::from_code).or_else(|| browser.map(Lang::from_browser_tag)).unwrap_or_default()
}

/// The language and the way to change it.
#[derive(Clone, PartialEq)]
pub struct LangContext {
    pub lang: Lang,
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

/// The language and the way to change it, held by the root (a hook, not a provider component
/// of its own).
#[hook]
pub fn use_lang_root() -> LangContext {
    let lang = use_state(read_initial);
    use_effect_with(*lang, |l| set_html_lang(*l));
    let set = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            if let Some(s) = storage() {
                // A full or refused storage only means the choice is not remembered.
                let _ = s.set_item(LANG_KEY, l.code());
            }
            lang.set(l);
        })
    };
    LangContext { lang: *lang, set }
}

/// Two buttons, each named in its own language, the current one pressed (and marked ✓, so the
/// state does not rest on colour alone).
/// A plain function, not a component: the app holds the language.
pub fn lang_switch(ctx: &LangContext) -> Html {
    let button = |l: Lang, short: &'static str, name: Key| {
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
    html! {
        <div class="lang-switch" role="group" aria-label={t(ctx.lang, Key::Language)}>
            { button(Lang::En, "EN", Key::LangEnglish) }
            { button(Lang::Ko, t(ctx.lang, Key::LangKorean), Key::LangKorean) }
        </div>
    }
}
