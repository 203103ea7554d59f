//! Native tests of the pure editor: every case builds its scenario from an empty one through
//! the editor's own commands (no presets), then drives it as the canvas would.

mod editor {
    mod common;
    mod connecting_selecting;
    mod history_fields;
    mod layout_multi;
    mod placing_moving;
    mod random;
    mod structure;
}
