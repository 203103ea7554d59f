//! The panels and the canvas, one folder per part of the screen a student points at: the
//! diagram (`canvas`), the selection's properties (`inspector`), the run controls and headline
//! numbers (`run`), the charts and readings (`dashboard`), the event log (`log`), breaking
//! things (`chaos`), capacity sweeps and their curves (`curve`), alarms and deployments (`operate`), the guided lessons (`lessons`) and
//! links, files and the QR code (`share`).

pub mod canvas;
pub mod chaos;
pub mod curve;
pub mod dashboard;
pub mod inspector;
pub mod lessons;
pub mod log;
pub mod operate;
pub mod run;
pub mod share;
