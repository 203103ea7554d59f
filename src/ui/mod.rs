//! The Yew user interface: the only module that touches the DOM.
