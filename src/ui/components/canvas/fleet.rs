//! The hosts of an app tier as a row of pips under its card: one pip per billed host, in slot
//! order (a server keeps its place while it drains, reboots and rejoins), its life by a glyph
//! and a colour, its version by its shape (square: the scenario's version, round: a deployed
//! one). Pure, so the mapping is tested natively; the canvas and the overlay share the sizes.

use crate::engine::{HostPhase, HostView};
use crate::model::Kind;

/// What a pip shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipKind {
    InService,
    Booting,
    Draining,
    /// In service but not running (killed, or its zone is down).
    Down,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pip {
    /// The host's position in its tier (its name in the log: app-1 #index).
    pub index: u32,
    pub kind: PipKind,
    pub new_version: bool,
}

pub fn pip(h: &HostView) -> Pip {
    let kind = match h.phase {
        HostPhase::InService if h.up => PipKind::InService,
        HostPhase::InService => PipKind::Down,
        HostPhase::Booting => PipKind::Booting,
        HostPhase::Draining => PipKind::Draining,
    };
    Pip { index: h.index, kind, new_version: h.new_version }
}

/// The glyph drawn in a pip (in service is a plain filled pip).
pub fn glyph(kind: PipKind) -> &'static str {
    match kind {
        PipKind::InService => "",
        PipKind::Booting => "↑",
        PipKind::Draining => "↓",
        PipKind::Down => "✕",
    }
}

/// Its colour (Okabe–Ito, with the glyph and the fill style telling the same thing).
/// A host serving the newly deployed version (Okabe–Ito bluish green, told apart from the
/// scenario's version by its round shape too).
pub const NEW_VERSION_COLOUR: &str = "#009E73";

pub fn colour(kind: PipKind) -> &'static str {
    match kind {
        PipKind::InService => "#0072B2",
        PipKind::Booting => "#B07800",
        PipKind::Draining => "#D55E00",
        PipKind::Down => "#555555",
    }
}

/// A data attribute value naming the kind, for tests and for the tooltip's order.
pub fn state_name(kind: PipKind) -> &'static str {
    match kind {
        PipKind::InService => "in-service",
        PipKind::Booting => "booting",
        PipKind::Draining => "draining",
        PipKind::Down => "down",
    }
}

/// How many hosts of a tier are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FleetCounts {
    pub billed: u32,
    pub in_service: u32,
    pub booting: u32,
    pub draining: u32,
    pub down: u32,
    pub new_version: u32,
}

impl FleetCounts {
    pub fn of(pips: &[Pip]) -> Self {
        let n = |k: PipKind| pips.iter().filter(|p| p.kind == k).count() as u32;
        FleetCounts {
            billed: pips.len() as u32,
            in_service: n(PipKind::InService),
            booting: n(PipKind::Booting),
            draining: n(PipKind::Draining),
            down: n(PipKind::Down),
            new_version: pips.iter().filter(|p| p.new_version).count() as u32,
        }
    }

    /// Billed hosts that serve no new request now (booting, draining or down).
    pub fn out_of_service(&self) -> u32 {
        self.billed - self.in_service
    }
}

/// Most pips drawn in the row; more hosts show as the first ones and "+N".
pub const MAX_PIPS: usize = 12;
/// Pip side and gap, in model units (the card is 120 wide).
pub const PIP: f64 = crate::editor::STRIP_PIP;
pub const PIP_GAP: f64 = 3.0;
/// Line height of the tray's text, in model units.
pub const TRAY_LINE: f64 = crate::editor::STRIP_LINE;
/// Gap between the card and its tray in screen pixels, clear of the overlay's utilisation ring
/// and error outline (drawn in screen pixels around the card).
pub const TRAY_GAP_PX: f64 = crate::editor::STRIP_GAP;

/// That gap in model units at `zoom`.
pub fn tray_gap(zoom: f64) -> f64 {
    TRAY_GAP_PX / zoom.max(0.01)
}

/// Height of the tray drawn under a component's card (0 when it has none): the editor's layout
/// rule, which reserves that room under the card so no card is placed over it.
pub use crate::editor::tray_height;

/// How much a tray is enlarged at `zoom`: zoomed out, it grows in model units (up to 1.5×) so
/// its text and pips stay readable on a projector, as the canvas's labels do.
pub fn tray_scale(zoom: f64) -> f64 {
    (1.0 / zoom.max(0.01)).clamp(1.0, 1.5)
}

/// The space a tray takes under the card at `zoom`, gap included (0 without tray).
pub fn tray_space(kind: &Kind, zoom: f64) -> f64 {
    let h = tray_height(kind);
    if h > 0.0 {
        tray_gap(zoom) + h * tray_scale(zoom)
    } else {
        0.0
    }
}
