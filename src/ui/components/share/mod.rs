//! Sharing: the share menu and dialog (links, export, import, recent), the QR code, and the
//! banner that says what opening a link or file did (its message is `platform/notice.rs`, what
//! the storage and link door reports).

pub mod menu;
pub mod qr;
