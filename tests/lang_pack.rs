//! The Korean language pack (`static/lang/ko.json`): the wasm build fetches it instead of
//! compiling the Korean tables in, so it must say exactly what `ko*.rs` and `lesson_ko.rs` say,
//! and the loader must refuse anything of another shape.
//!
//! `UPDATE_PACKS=1 cargo test --test lang_pack` rewrites the file; otherwise it must match.

use archlab::catalog::{lesson_text, LessonId};
use archlab::i18n::{
    install_pack, installed_lesson, installed_text, pack_json, pack_len, t, Key, Lang, PackError,
};

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/lang/ko.json")
}

fn texts(json: &str) -> Vec<serde_json::Value> {
    match serde_json::from_str(json).unwrap() {
        serde_json::Value::Array(a) => a,
        other => panic!("not an array: {other}"),
    }
}

#[test]
fn the_committed_pack_matches_the_tables() {
    let json = pack_json(Lang::Ko);
    if std::env::var_os("UPDATE_PACKS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path().parent().unwrap()).unwrap();
        std::fs::write(path(), &json).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path()).unwrap_or_else(|_| {
        panic!("{} missing: run UPDATE_PACKS=1 cargo test --test lang_pack", path().display())
    });
    assert!(
        committed == json,
        "{} is stale: run UPDATE_PACKS=1 cargo test --test lang_pack",
        path().display()
    );
}

#[test]
fn the_pack_holds_every_key_then_every_lesson_in_order() {
    let all = texts(&pack_json(Lang::Ko));
    assert_eq!(all.len(), pack_len());
    for (i, &k) in Key::ALL.iter().enumerate() {
        assert_eq!(all[i].as_str(), Some(t(Lang::Ko, k)), "{k:?}");
    }
    let mut at = Key::ALL.len();
    for id in LessonId::ALL {
        let ko = lesson_text(Lang::Ko, id);
        assert_eq!(all[at].as_str(), Some(ko.intro), "{id:?} intro");
        at += 1 + ko.notice.len() + ko.steps.len();
        assert_eq!(all[at].as_str(), Some(ko.task), "{id:?} task");
        at += 1;
    }
    assert_eq!(at, all.len());
}

#[test]
fn a_pack_made_from_the_tables_installs_and_gives_the_same_texts() {
    assert_eq!(installed_text(Lang::Ko, Key::Play), None, "nothing is installed before install_pack");
    install_pack(Lang::Ko, &pack_json(Lang::Ko)).unwrap();
    for &k in Key::ALL {
        assert_eq!(installed_text(Lang::Ko, k), Some(t(Lang::Ko, k)), "{k:?}");
        assert_eq!(installed_text(Lang::En, k), None, "English is never a pack");
    }
    for id in LessonId::ALL {
        assert_eq!(installed_lesson(Lang::Ko, id), Some(lesson_text(Lang::Ko, id)), "{id:?}");
    }
    // The committed file is the one the page fetches: it installs too.
    install_pack(Lang::Ko, &std::fs::read_to_string(path()).unwrap()).unwrap();
}

#[test]
fn the_wrong_shapes_are_refused_with_the_entry_named() {
    let good = texts(&pack_json(Lang::Ko));
    let json = |v: &[serde_json::Value]| serde_json::to_string(v).unwrap();

    assert!(matches!(install_pack(Lang::Ko, "<html>not found</html>"), Err(PackError::NotJson(_))));
    assert_eq!(install_pack(Lang::Ko, r#"{"Play":"재생"}"#), Err(PackError::NotAnArray));
    assert_eq!(install_pack(Lang::En, &json(&good)), Err(PackError::NotAPackLanguage(Lang::En)));

    let short = &good[..good.len() - 1];
    let e = install_pack(Lang::Ko, &json(short)).unwrap_err();
    assert_eq!(e, PackError::WrongCount { expected: good.len(), found: good.len() - 1 });
    assert!(e.to_string().contains(&format!("expected {}", good.len())), "{e}");
    let mut long = good.clone();
    long.push("추가".into());
    assert!(matches!(install_pack(Lang::Ko, &json(&long)), Err(PackError::WrongCount { .. })));

    let mut number = good.clone();
    number[Key::Play as usize] = 7.into();
    let e = install_pack(Lang::Ko, &json(&number)).unwrap_err();
    assert_eq!(e, PackError::NotText { index: Key::Play as usize, what: "Play".into() });

    // A text that loses a slot, or gains one English does not have, would show "{1}" or drop
    // a number: refused.
    let k = Key::LangLoading;
    assert_eq!(archlab::i18n::slots(t(Lang::En, k)), vec![0]);
    for wrong in ["불러오는 중…", "{0} {1} 불러오는 중…"] {
        let mut bad = good.clone();
        bad[k as usize] = wrong.into();
        let e = install_pack(Lang::Ko, &json(&bad)).unwrap_err();
        assert!(matches!(&e, PackError::Slots { index, .. } if *index == k as usize), "{e:?}");
        assert!(e.to_string().contains("LangLoading"), "{e}");
    }

    // A lesson entry is named by lesson and part.
    let task = Key::ALL.len() + 1 + {
        let en = lesson_text(Lang::En, LessonId::SingleServer);
        en.notice.len() + en.steps.len()
    };
    let mut bad = good.clone();
    bad[task] = serde_json::Value::Null;
    let e = install_pack(Lang::Ko, &json(&bad)).unwrap_err();
    assert!(e.to_string().contains("lesson SingleServer task"), "{e}");

    // Nothing was kept from the refused packs.
    assert_eq!(installed_text(Lang::Ko, Key::Play), None);
    assert_eq!(installed_lesson(Lang::Ko, LessonId::SingleServer), None);
}
