//! The share link as a QR code, for the projector: the `qrcode` crate lays out the modules
//! and draws them as SVG; the page shows it as a `data:` image, which the CSP allows, so no
//! markup from here ever enters the DOM.
//!
//! The full-screen view (`share_menu`'s "Show QR") draws each module as a whole number of CSS
//! pixels, as large as the screen allows: [`module_px`]. How large a module must be to scan
//! from the back of a room is worked out in `docs/qr-reach.md`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::i18n::{tf, Key, Lang};

/// Error correction L (7%): a code on a screen is not smudged or torn, and the lowest level
/// gives the fewest, largest modules, which phones read best from the back of a room. It holds
/// at most 2,953 bytes, so longer links get no code.
const LEVEL: EcLevel = EcLevel::L;
/// The light margin around the code, in modules, that the QR standard asks for (ISO/IEC 18004).
const QUIET_ZONE: usize = 4;

/// A QR code ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct QrImage {
    /// `data:image/svg+xml;base64,…`, one SVG unit per module (its `viewBox` is `modules` wide).
    pub src: String,
    /// Modules across, quiet zone included.
    pub modules: usize,
}

/// The QR code of `text`, or why there is none.
pub fn qr_image(lang: Lang, text: &str) -> Result<QrImage, String> {
    let code = QrCode::with_error_correction_level(text, LEVEL)
        .map_err(|_| tf(lang, Key::ShareQrTooLong, &[&text.len().to_string()]))?;
    let modules = code.width() + 2 * QUIET_ZONE;
    let image = code
        .render::<svg::Color>()
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build();
    Ok(QrImage { src: format!("data:image/svg+xml;base64,{}", STANDARD.encode(image)), modules })
}

/// The QR code of `text` as a `data:image/svg+xml;base64,…` URL, or why there is none.
pub fn qr_data_url(lang: Lang, text: &str) -> Result<String, String> {
    qr_image(lang, text).map(|q| q.src)
}

/// The side of a module in whole CSS pixels when a code of `modules` is drawn as large as fits
/// in `space` pixels (at least 1): whole pixels keep every module the same size on screen.
pub fn module_px(modules: usize, space: f64) -> u32 {
    if modules == 0 || !space.is_finite() {
        return 1;
    }
    ((space / modules as f64).floor() as u32).max(1)
}
