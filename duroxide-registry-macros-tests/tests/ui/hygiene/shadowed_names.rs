#![deny(warnings)]
//! A crate that reuses the names generated code is most likely to borrow by accident: its own
//! `Result`, `Option`, `String`, `Vec`, `Box`, `Ok`, `Err`, `Some`, `None`, local modules named
//! `duroxide`, `serde`, `serde_json`, `core` and `std`, macros named like std's, and a trait whose
//! methods are named like the ones generated code calls. The decoys sit both at the crate root
//! and in the modules holding the functions, where each companion's `use super::*` sees them.

use duroxide_registry_macros::registry;

macro_rules! decoys {
    () => {
        // Unit structs live in both the type and the value namespace, so they shadow the
        // prelude's `Ok(..)` and `Some(..)` as well as its types.
        #[allow(dead_code)]
        pub struct Result;
        #[allow(dead_code)]
        pub struct Option;
        #[allow(dead_code)]
        pub struct String;
        #[allow(dead_code)]
        pub struct Vec;
        #[allow(dead_code)]
        pub struct Box;
        #[allow(dead_code)]
        pub struct Ok;
        #[allow(dead_code)]
        pub struct Err;
        #[allow(dead_code)]
        pub struct Some;
        #[allow(dead_code)]
        pub struct None;
        #[allow(dead_code)]
        pub struct Send;
        #[allow(dead_code)]
        pub struct Future;
        #[allow(dead_code)]
        pub struct Into;
        #[allow(dead_code)]
        pub struct From;
        #[allow(dead_code)]
        pub struct ToString;
        pub mod duroxide {}
        pub mod serde {}
        pub mod serde_json {}
        pub mod core {}
        pub mod std {}
        pub mod alloc {}

        /// Methods named like those generated code calls; a generated call that went through a
        /// trait instead of the inherent method would become ambiguous here.
        #[allow(dead_code)]
        pub trait Decoy {
            fn build(&self) -> u8 {
                0
            }
            fn map(&self) -> u8 {
                0
            }
            fn to_vec(&self) -> u8 {
                0
            }
            fn into(&self) -> u8 {
                0
            }
            fn to_string(&self) -> u8 {
                0
            }
            fn to_owned(&self) -> u8 {
                0
            }
            fn map_err(&self) -> u8 {
                0
            }
            fn unwrap_or_else(&self) -> u8 {
                0
            }
            fn register_typed(&self) -> u8 {
                0
            }
        }
        impl<T: ?Sized> Decoy for T {}
    };
}

decoys!();

// Declared before the items, macros shadow std's textually for all that follows.
#[allow(unused_macros)]
macro_rules! vec {
    ($($t:tt)*) => {
        compile_error!("generated code used a bare `vec!`")
    };
}
#[allow(unused_macros)]
macro_rules! format {
    ($($t:tt)*) => {
        compile_error!("generated code used a bare `format!`")
    };
}
#[allow(unused_macros)]
macro_rules! panic {
    ($($t:tt)*) => {
        compile_error!("generated code used a bare `panic!`")
    };
}
#[allow(unused_macros)]
macro_rules! assert {
    ($($t:tt)*) => {
        compile_error!("generated code used a bare `assert!`")
    };
}
#[allow(unused_macros)]
macro_rules! concat {
    ($($t:tt)*) => {
        compile_error!("generated code used a bare `concat!`")
    };
}

pub mod types {
    /// The input of every step.
    #[derive(::serde::Serialize, ::serde::Deserialize, Debug, Clone, PartialEq)]
    pub struct Order {
        /// Its id.
        pub id: u32,
    }
}

pub mod steps {
    use crate::types::Order;
    use ::duroxide::ActivityContext;
    use ::duroxide_registry_macros::activity;

    decoys!();

    /// Checks an order.
    #[activity(prefix = "shadowed", idempotent = true)]
    pub async fn check(
        _ctx: ActivityContext,
        order: Order,
    ) -> ::core::result::Result<::std::vec::Vec<u32>, ::std::string::String> {
        ::core::result::Result::Ok(::std::vec![order.id])
    }

    /// Bills an order.
    #[activity(prefix = "shadowed")]
    pub async fn bill(
        _ctx: ActivityContext,
        amounts: ::std::vec::Vec<u32>,
    ) -> ::core::result::Result<::core::option::Option<::std::boxed::Box<u32>>, ::std::string::String>
    {
        ::core::result::Result::Ok(amounts.first().copied().map(::std::boxed::Box::new))
    }
}

/// A module whose `Result` is an alias with a default error type, as many crates have.
pub mod aliased {
    use crate::types::Order;
    use ::duroxide::{ActivityContext, OrchestrationContext};
    use ::duroxide_registry_macros::{activity, orchestration};

    /// The crate's result type.
    pub type Result<T, E = ::std::string::String> = ::core::result::Result<T, E>;

    pub mod duroxide {}
    pub mod serde {}
    pub mod serde_json {}

    /// Ships an order.
    #[activity(prefix = "shadowed")]
    pub async fn ship(_ctx: ActivityContext, order: Order) -> Result<u32> {
        ::core::result::Result::Ok(order.id + 1)
    }

    /// Runs the whole order.
    #[orchestration(prefix = "shadowed", version = "3.0.0")]
    pub async fn run(ctx: OrchestrationContext, order: Order) -> Result<u32> {
        let ids = crate::steps::check::call(&ctx, &order).await?;
        let _ = crate::steps::bill::call(&ctx, &ids).await?;
        self::ship::call(&ctx, &order).await
    }
}

registry! {
    names: names,
    orchestrations: [aliased::run],
    activities: [steps::check, steps::bill, aliased::ship],
}

fn main() {
    ::std::assert_eq!(steps::check::NAME, "shadowed::activity::check");
    ::std::assert_eq!(steps::bill::NAME, "shadowed::activity::bill");
    ::std::assert_eq!(aliased::ship::NAME, "shadowed::activity::ship");
    ::std::assert_eq!(aliased::run::NAME, "shadowed::orchestration::run");
    ::std::assert_eq!(aliased::run::VERSION, "3.0.0");
    ::std::assert_eq!(
        aliased::run::ACTIVITIES_USED,
        [steps::check::NAME, steps::bill::NAME, aliased::ship::NAME]
    );
    ::std::assert_eq!(
        (steps::check::IDEMPOTENT, aliased::ship::IDEMPOTENT),
        (true, false)
    );
    ::std::assert_eq!(names::activities::SHIP, aliased::ship::NAME);
    ::std::assert_eq!(names::orchestrations::RUN, aliased::run::NAME);

    let output: aliased::ship::Output = 7_u32;
    let input: aliased::ship::Input = types::Order { id: output };
    ::std::assert_eq!(input.id, 7);

    let activities = create_activity_registry();
    ::std::assert_eq!(activities.count(), 3);
    for name in [steps::check::NAME, steps::bill::NAME, aliased::ship::NAME] {
        ::std::assert!(activities.has(name), "{name} is not registered");
    }
    let orchestrations = create_orchestration_registry();
    ::std::assert_eq!(orchestrations.count(), 1);
    ::std::assert!(orchestrations.has(aliased::run::NAME));

    let listed = list_activities();
    let described: ::std::vec::Vec<(&str, &str, &str)> = listed
        .iter()
        .map(|info| (info.name, info.input_type, info.output_type))
        .collect();
    ::std::assert_eq!(
        described,
        [
            (steps::check::NAME, "Order", "::std::vec::Vec<u32>"),
            (
                steps::bill::NAME,
                "::std::vec::Vec<u32>",
                "::core::option::Option<::std::boxed::Box<u32>>"
            ),
            (aliased::ship::NAME, "Order", "u32"),
        ]
    );
    let flows = list_orchestrations();
    ::std::assert_eq!(flows.len(), 1);
    ::std::assert_eq!(flows[0].description, "Runs the whole order.");
    ::std::assert_eq!(flows[0].output_type, "u32");
}
