/// Provision a PostgreSQL server on a new VM.
pub async fn provision_postgres_v2(
    ctx: OrchestrationContext,
    input: ProvisionPostgresInput,
) -> Result<ProvisionPostgresOutput, String> {
    let vm = activities::provision_vm::call(&ctx, &input.vm).await?;
    activities::configure_firewall::call(&ctx, &vm.address).await?;
    Ok(ProvisionPostgresOutput::new(vm))
}
#[doc(hidden)]
const __PROVISION_POSTGRES_V2_ACTIVITIES_USED_5943CEA10863063A: &[&str] = {
    const UNIQUE: ([&str; 2usize], usize) = {
        let all: [&str; 2usize] = [
            activities::provision_vm::NAME,
            activities::configure_firewall::NAME,
        ];
        let mut unique = [""; 2usize];
        let mut len = 0;
        let mut i = 0;
        while i < 2usize {
            let name = all[i].as_bytes();
            let mut seen = false;
            let mut j = 0;
            while j < len && !seen {
                let other = unique[j].as_bytes();
                let mut k = name.len();
                if other.len() == k {
                    while k > 0 && name[k - 1] == other[k - 1] {
                        k -= 1;
                    }
                    seen = k == 0;
                }
                j += 1;
            }
            if !seen {
                unique[len] = all[i];
                len += 1;
            }
            i += 1;
        }
        (unique, len)
    };
    UNIQUE.0.split_at(UNIQUE.1).0
};
///Registry items of the orchestration [`provision_postgres_v2()`]: its name, its types and typed helpers to call it.
#[allow(
    dead_code,
    deprecated,
    unreachable_pub,
    non_snake_case,
    clippy::module_name_repetitions
)]
pub mod provision_postgres_v2 {
    /**The orchestration name for registration and scheduling: `duroxide-registry-macros::orchestration::provision-postgres`.

**Input:** `ProvisionPostgresInput`
**Output:** `ProvisionPostgresOutput`
**Version:** `2.0.0`
**Activities used:**
- `activities::provision_vm`
- `activities::configure_firewall`

Provision a PostgreSQL server on a new VM.*/
    pub const NAME: &str = "duroxide-registry-macros::orchestration::provision-postgres";
    /// The description: the first paragraph of the function's doc comment, or the
    /// `description` argument.
    pub const DESCRIPTION: &str = "Provision a PostgreSQL server on a new VM.";
    /// The input type, as written in the function's signature.
    pub type Input = super::ProvisionPostgresInput;
    /// The output type: the `Ok` type of the function's `Result`.
    pub type Output = super::ProvisionPostgresOutput;
    /// The version this function is registered at, and that its helpers start and call.
    pub const VERSION: &str = "2.0.0";
    /**Full names of the activities and sub-orchestrations this orchestration calls through
their companion modules, plus those listed in `uses(...)`: in order of first
appearance, each resolved by the compiler.*/
    pub const ACTIVITIES_USED: &[&str] = super::__PROVISION_POSTGRES_V2_ACTIVITIES_USED_5943CEA10863063A;
    /**Runs this orchestration, at exactly [`VERSION`], as a sub-orchestration with an
instance id derived from the parent's.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call(
        ctx: &::duroxide::OrchestrationContext,
        input: &Input,
    ) -> ::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_sub_orchestration_versioned(
                NAME,
                ::core::option::Option::Some(
                    <::std::string::String as ::core::convert::From<&str>>::from(VERSION),
                ),
                __encode(input),
            )
            .map(__decode)
    }
    /**Runs this orchestration, at exactly [`VERSION`], as a sub-orchestration with the
given instance id.

# Panics

Panics, as duroxide's typed API does, if the input cannot be encoded as JSON.*/
    #[inline]
    pub fn call_with_id(
        ctx: &::duroxide::OrchestrationContext,
        instance_id: impl ::core::convert::Into<::std::string::String>,
        input: &Input,
    ) -> ::duroxide::DurableFuture<
        ::core::result::Result<Output, ::std::string::String>,
    > {
        ctx.schedule_sub_orchestration_versioned_with_id(
                NAME,
                ::core::option::Option::Some(
                    <::std::string::String as ::core::convert::From<&str>>::from(VERSION),
                ),
                instance_id,
                __encode(input),
            )
            .map(__decode)
    }
    /**Starts a new instance of this orchestration, at exactly [`VERSION`].

# Errors

The input cannot be encoded, or the provider fails to enqueue the instance.*/
    #[inline]
    pub fn start<'a>(
        client: &'a ::duroxide::Client,
        instance_id: impl ::core::convert::Into<::std::string::String>,
        input: &'a Input,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<(), ::duroxide::ClientError>,
    > + 'a {
        let instance_id: ::std::string::String = instance_id.into();
        client
            .start_orchestration_versioned_typed::<
                &super::ProvisionPostgresInput,
            >(instance_id, NAME, VERSION, input)
    }
    /**Waits for an instance to finish: `Ok(Ok(output))` when it completed,
`Ok(Err(message))` when it failed.

# Errors

A timeout, a provider failure, or an output that does not decode as [`Output`].*/
    #[inline]
    pub fn wait<'a>(
        client: &'a ::duroxide::Client,
        instance_id: &'a str,
        timeout: ::core::time::Duration,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::core::result::Result<Output, ::std::string::String>,
            ::duroxide::ClientError,
        >,
    > + 'a {
        client
            .wait_for_orchestration_typed::<
                super::ProvisionPostgresOutput,
            >(instance_id, timeout)
    }
    #[inline]
    fn __encode(input: &Input) -> ::std::string::String {
        match ::core::result::Result::expect(
            ::serde_json::to_value::<&super::ProvisionPostgresInput>(input),
            NAME,
        ) {
            ::serde_json::Value::String(raw) => raw,
            value => {
                ::core::result::Result::expect(::serde_json::to_string(&value), NAME)
            }
        }
    }
    #[inline]
    #[allow(clippy::needless_pass_by_value)]
    fn __decode(
        result: ::core::result::Result<::std::string::String, ::std::string::String>,
    ) -> ::core::result::Result<Output, ::std::string::String> {
        let payload = result?;
        match ::serde_json::from_str::<super::ProvisionPostgresOutput>(&payload) {
            ::core::result::Result::Ok(output) => ::core::result::Result::Ok(output),
            ::core::result::Result::Err(_) => {
                match ::serde_json::from_value::<
                    super::ProvisionPostgresOutput,
                >(::serde_json::Value::String(payload)) {
                    ::core::result::Result::Ok(output) => {
                        ::core::result::Result::Ok(output)
                    }
                    ::core::result::Result::Err(error) => {
                        ::core::result::Result::Err(
                            ::std::string::ToString::to_string(&error),
                        )
                    }
                }
            }
        }
    }
    #[doc(hidden)]
    #[inline]
    pub fn __register_orchestration(
        builder: ::duroxide::runtime::registry::OrchestrationRegistryBuilder,
    ) -> ::duroxide::runtime::registry::OrchestrationRegistryBuilder {
        let _ = |ctx: super::OrchestrationContext| -> ::duroxide::OrchestrationContext {
            ctx
        };
        builder
            .register_versioned_typed::<
                super::ProvisionPostgresInput,
                super::ProvisionPostgresOutput,
                _,
                _,
            >(NAME, VERSION, super::provision_postgres_v2)
    }
    #[doc(hidden)]
    pub use ::core::convert::identity as __register_activity;
    #[doc(hidden)]
    pub const __META_V2: (&str, &str, &str, &[u8], bool, &[&str], ()) = (
        "ProvisionPostgresInput",
        "ProvisionPostgresOutput",
        "2.0.0",
        b"\0\0\0\0\0\0\0\x02\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF",
        false,
        ACTIVITIES_USED,
        (),
    );
    #[doc(hidden)]
    pub const __FACTS_V2: (u128, bool, u128, bool) = (
        221243827763575031683335745858938165806u128,
        true,
        32245410216803705770491160160158469818u128,
        false,
    );
}
