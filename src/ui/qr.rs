//! The share link as a QR code, for the projector: the `qrcode` crate lays out the modules
//! and draws them as SVG; the page shows it as a `data:` image, which the CSP allows, so no
//! markup from here ever enters the DOM.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::i18n::{tf, Key, Lang};

/// Error correction L (7%): a code on a screen is not smudged or torn, and the lowest level
/// gives the fewest, largest modules, which phones read best from the back of a room. It holds
/// at most 2,953 bytes, so longer links get no code.
const LEVEL: EcLevel = EcLevel::L;

/// The QR code of `text` as a `data:image/svg+xml;base64,…` URL, or why there is none.
pub fn qr_data_url(lang: Lang, text: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(text, LEVEL)
        .map_err(|_| tf(lang, Key::ShareQrTooLong, &[&text.len().to_string()]))?;
    let image = code
        .render::<svg::Color>()
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build();
    Ok(format!("data:image/svg+xml;base64,{}", STANDARD.encode(image)))
}
