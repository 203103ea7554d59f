//! Sharing: the share menu and dialog (links, export, import, recent), the QR code, and the
//! banner that says what opening a link or file did.

pub mod menu;
pub mod notice;
pub mod qr;
