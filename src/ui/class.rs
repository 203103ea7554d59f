//! Class lists without `classes!`, which builds an `IndexSet` at every call site: the classes
//! an element can have are known in advance, so a string does.

use yew::AttrValue;

/// `base`, then each extra class that is there and not empty: `class_list("tab", &[Some("active")])`
/// is "tab active".
pub fn class_list(base: &'static str, extra: &[Option<&'static str>]) -> AttrValue {
    let mut out = String::from(base);
    for c in extra.iter().flatten().filter(|c| !c.is_empty()) {
        out.push(' ');
        out.push_str(c);
    }
    if out.len() == base.len() {
        AttrValue::Static(base)
    } else {
        AttrValue::from(out)
    }
}
