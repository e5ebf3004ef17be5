//! What the code `#[activity]`, `#[orchestration]` and `registry!` generate calls: not public
//! API, and not covered by semver. Generated code reaches duroxide through here, and serde and
//! serde_json only through the functions here, so that a crate using the macros needs only
//! duroxide and serde (for its own types) of its own.

pub mod checks;
pub mod codec;
pub mod companion;
pub mod interface;
pub mod lock;
pub mod registries;
mod text;

pub use companion::{
    not_configured, Annotation, Channel, Declared, Facts, Info, Infos, Lists, Register, Row,
    NOT_ANNOTATED, NOT_ANNOTATED_INFO, NO_INTERFACE, NO_NAME,
};
pub use duroxide;
