//! (placeholder: filled by its own work item)
