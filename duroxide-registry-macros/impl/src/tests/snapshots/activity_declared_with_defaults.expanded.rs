///Registry items of the activity `payments-worker::activity::charge-card`, declared here and implemented elsewhere: its name, its types and typed helpers to call it.
#[allow(
    dead_code,
    deprecated,
    unreachable_pub,
    non_snake_case,
    clippy::module_name_repetitions
)]
pub mod charge_card {
    /**The activity name for registration and scheduling: `payments-worker::activity::charge-card`.

**Input:** `ChargeInput`
**Output:** `ChargeOutput`
**Idempotent:** No

Charge a card (implemented by the payments worker, in Python).*/
    pub const NAME: &str = "payments-worker::activity::charge-card";
    /// The description: the first paragraph of the function's doc comment, or the
    /// `description` argument.
    pub const DESCRIPTION: &str = "Charge a card (implemented by the payments worker, in Python).";
    /// The input type, as written in the function's signature.
    pub type Input = super::ChargeInput;
    /// The output type: the `Ok` type of the function's `Result`.
    pub type Output = super::ChargeOutput;
    /**Whether the activity is idempotent: running it again with the same input has no
further effect, so duroxide may safely retry it.*/
    pub const IDEMPOTENT: bool = false;
    /**The retry and timeout defaults the annotation declares, which [`call`] applies: a
starting point for `call_with_retry`, too.*/
    #[must_use]
    pub fn retry_policy() -> ::duroxide_registry_macros::__private::duroxide::RetryPolicy {
        ::duroxide_registry_macros::__private::duroxide::RetryPolicy {
            max_attempts: 5u32,
            backoff: ::duroxide_registry_macros::__private::duroxide::BackoffStrategy::Exponential {
                base: ::core::time::Duration::from_millis(100u64),
                multiplier: 2f64,
                max: ::core::time::Duration::from_millis(30000u64),
            },
            timeout: ::core::option::Option::Some(
                ::core::time::Duration::from_millis(120000u64),
            ),
        }
    }
    /**Schedules this activity from an orchestration, with the retry and timeout defaults its
annotation declares ([`retry_policy`]).

The input and output types are checked at compile time. duroxide runs the retries as a
loop of activities and timers, so this future does not go into `ctx.select2` or
`ctx.join`; [`call_once`] does.

# Errors

The activity's last error, a timeout, or a failure to decode the output.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call<'a>(
        ctx: &'a ::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &'a Input,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<Output, ::std::string::String>,
    > + 'a {
        ctx.schedule_activity_with_retry_typed::<
                super::ChargeInput,
                super::ChargeOutput,
            >(NAME, input, retry_policy())
    }
    /**Schedules this activity exactly once, without the declared retry and timeout.

The returned future composes with `ctx.join` and `ctx.select2`.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_once(
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &Input,
    ) -> ::duroxide_registry_macros::__private::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_activity_typed::<
                super::ChargeInput,
                super::ChargeOutput,
            >(NAME, input)
    }
    /**Schedules this activity from an orchestration, retrying failures by `policy`.

# Errors

The activity's last error, a timeout, or a failure to decode the output.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_with_retry<'a>(
        ctx: &'a ::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &'a Input,
        policy: ::duroxide_registry_macros::__private::duroxide::RetryPolicy,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<Output, ::std::string::String>,
    > + 'a {
        ctx.schedule_activity_with_retry_typed::<
                super::ChargeInput,
                super::ChargeOutput,
            >(NAME, input, policy)
    }
    /**Schedules this activity on the worker that owns `session_id`.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_on_session(
        ctx: &::duroxide_registry_macros::__private::duroxide::OrchestrationContext,
        input: &Input,
        session_id: impl ::core::convert::Into<::std::string::String>,
    ) -> ::duroxide_registry_macros::__private::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_activity_on_session_typed::<
                super::ChargeInput,
                super::ChargeOutput,
            >(NAME, input, session_id)
    }
    const _: () = {
        let _ = |
            ctx: super::ActivityContext,
        | -> ::duroxide_registry_macros::__private::duroxide::ActivityContext { ctx };
    };
    #[doc(hidden)]
    pub const __FACTS: ::duroxide_registry_macros::__private::Facts = ::duroxide_registry_macros::__private::Facts {
        identity: 169913614551233366739348231841115036519u128,
        name: 169913614551233366739348231841115036519u128,
        orchestration: false,
        prefix: 202378191101605914421977831013253281588u128,
        needs_config: false,
        annotation: ::duroxide_registry_macros::__private::Annotation::Declaration,
    };
    #[doc(hidden)]
    pub const __INFO: ::duroxide_registry_macros::__private::Info = ::duroxide_registry_macros::__private::Info {
        name: NAME,
        description: DESCRIPTION,
        input_type: "ChargeInput",
        output_type: "ChargeOutput",
        version: "1.0.0",
        version_key: b"\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF",
        orchestration: false,
        idempotent: false,
        retry: ::core::option::Option::Some(
            "5 attempts, exponential 100ms×2 up to 30s, timeout 2m",
        ),
        uses: &[],
        register: ::duroxide_registry_macros::__private::Register::Nothing,
        interface: &[],
        status: ::core::option::Option::None,
    };
}
