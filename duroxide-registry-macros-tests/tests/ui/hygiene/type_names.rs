#![deny(warnings)]
//! User types named `Input` and `Output` (the names of the companion's own aliases), the two
//! swapped, nested in generics, and reached through `self::` and `super::`; private types
//! declared right beside the function that uses them, next to private functions; and a
//! `#[config]` type called `Config`, the name of the companion's own config alias.

use duroxide::{ActivityContext, OrchestrationContext};
use duroxide_registry_macros::{activity, orchestration, registry};
use serde::{Deserialize, Serialize};

/// A user type called `Input`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Input {
    /// A value.
    pub value: i64,
}

/// A user type called `Output`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Output {
    /// A value.
    pub value: i64,
}

/// Input and Output as the function's own input and output.
#[activity("types")]
pub async fn straight(_ctx: ActivityContext, input: Input) -> Result<Output, String> {
    Ok(Output { value: input.value })
}

/// Swapped: the companion's `Input` is the user's `Output`, and the other way round.
#[activity("types")]
pub async fn swapped(_ctx: ActivityContext, input: Output) -> Result<Input, String> {
    Ok(Input { value: input.value })
}

/// Nested in generics and tuples, and written with `self::`.
#[activity("types")]
pub async fn nested(
    _ctx: ActivityContext,
    input: Vec<(Input, Option<self::Output>)>,
) -> Result<(Output, [Input; 1]), String> {
    let first = input.into_iter().next().ok_or("empty")?;
    Ok((
        Output {
            value: first.0.value,
        },
        [first.0],
    ))
}

pub mod beside {
    use super::{ActivityContext, OrchestrationContext, activity, orchestration};
    use serde::{Deserialize, Serialize};

    // Private types, declared right beside the private functions that use them.
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    struct Celsius(i64);

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    struct Fahrenheit(i64);

    /// Converts.
    #[activity("types")]
    async fn convert(_ctx: ActivityContext, c: Celsius) -> Result<Fahrenheit, String> {
        Ok(Fahrenheit(c.0 * 9 / 5 + 32))
    }

    /// The parent's `Input`, through `super::`, and a local type.
    #[activity("types")]
    async fn from_parent(_ctx: ActivityContext, input: super::Input) -> Result<Celsius, String> {
        Ok(Celsius(input.value))
    }

    /// Calls both.
    #[orchestration("types")]
    async fn measure(ctx: OrchestrationContext, input: super::Input) -> Result<Fahrenheit, String> {
        let c = from_parent::call(&ctx, &input).await?;
        convert::call(&ctx, &c).await
    }

    /// The companion's aliases name the user's types.
    pub(super) fn check() {
        let input: convert::Input = Celsius(100);
        let output: convert::Output = Fahrenheit(212);
        assert_eq!((input.0, output.0), (100, 212));
        let parent: from_parent::Input = super::Input { value: 1 };
        assert_eq!(parent.value, 1);
        assert_eq!(measure::ACTIVITIES_USED, [from_parent::NAME, convert::NAME]);
    }

    crate::registry! {
        orchestrations: [measure],
        activities: [convert, from_parent],
    }
}

pub mod configured {
    use super::{ActivityContext, activity};
    use std::sync::Arc;

    /// A user configuration type called `Config`.
    #[derive(Debug, Default)]
    pub struct Config {
        /// A prefix.
        pub prefix: String,
    }

    /// Reads the user's `Config`.
    #[activity("types")]
    pub async fn greet(
        _ctx: ActivityContext,
        name: String,
        #[config] config: Arc<Config>,
    ) -> Result<String, String> {
        Ok(format!("{}{name}", config.prefix))
    }

    crate::registry! {
        config: Config,
        activities: [greet],
    }

    /// The companion's `Config` alias is `Arc` of the user's `Config`, not of itself.
    pub(super) fn check() {
        let config: greet::Config = Arc::new(Config {
            prefix: "hi ".into(),
        });
        assert_eq!(config.prefix, "hi ");
        let registry = create_activity_registry_with_config(Config::default());
        assert!(registry.has(greet::NAME));
    }
}

registry! {
    names: names,
    activities: [straight, swapped, nested],
}

fn main() {
    let input: straight::Input = Input { value: 1 };
    let output: straight::Output = Output { value: 2 };
    let swapped_input: swapped::Input = output.clone();
    let swapped_output: swapped::Output = input.clone();
    assert_eq!((swapped_input, swapped_output), (output, input));
    let nested_input: nested::Input = vec![(Input { value: 3 }, None::<Output>)];
    let nested_output: nested::Output = (Output { value: 3 }, [Input { value: 3 }]);
    assert_eq!(nested_input[0].0, nested_output.1[0]);
    beside::check();
    configured::check();

    assert_eq!(names::activities::STRAIGHT, "types::activity::straight");
    let listed: Vec<(&str, &str, &str)> = list_activities()
        .iter()
        .map(|a| (a.name, a.input_type, a.output_type))
        .collect();
    assert_eq!(
        listed,
        [
            (straight::NAME, "Input", "Output"),
            (swapped::NAME, "Output", "Input"),
            (
                nested::NAME,
                "Vec<(Input, Option<self::Output>)>",
                "(Output, [Input; 1])"
            ),
        ]
    );
    let activities = create_activity_registry();
    assert_eq!(activities.count(), 3);
    assert!(activities.has(nested::NAME));

    let local = beside::create_activity_registry();
    assert_eq!(local.count(), 2);
    assert!(local.has("types::activity::convert"));
    assert!(local.has("types::activity::from-parent"));
    assert!(beside::create_orchestration_registry().has("types::orchestration::measure"));
    assert_eq!(beside::list_orchestrations()[0].input_type, "super::Input");
    assert_eq!(beside::list_activities()[0].output_type, "Fahrenheit");
}
