//! The model both attribute macros generate from: an annotated function, what kind of item it
//! declares, and everything resolved about it (its full name, version, types and scope).
//!
//! Only data lives here. `signature.rs` and `args.rs` parse the pieces, `resolve.rs` puts them
//! together into an [`Item`], `rules.rs` checks it, and `companion/` generates from it.

use crate::scope::Scope;
use crate::support::Support;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, ToTokens};
use syn::{Attribute, LitBool, LitStr, Signature, Type, Visibility};

/// Which attribute is expanding: the middle segment of every full name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Activity,
    Orchestration,
}

impl Kind {
    /// The middle segment of a full name, and the word used in messages.
    pub(crate) fn segment(self) -> &'static str {
        match self {
            Kind::Activity => "activity",
            Kind::Orchestration => "orchestration",
        }
    }

    /// The duroxide context type a function of this kind receives first.
    pub(crate) fn context_name(self) -> &'static str {
        match self {
            Kind::Activity => "ActivityContext",
            Kind::Orchestration => "OrchestrationContext",
        }
    }
}

/// A key of `#[activity(...)]` or `#[orchestration(...)]`: the one list that parsing, the
/// unknown-key message and the no-panic fuzzer read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    Prefix,
    CratePrefix,
    Name,
    Idempotent,
    Version,
    Description,
    Uses,
    Flat,
    AllowNondeterminism,
    Crate,
    Events,
    Queues,
    Status,
    Kv,
    Retry,
    Timeout,
}

impl Key {
    pub(crate) const ALL: [Key; 16] = [
        Key::Prefix,
        Key::CratePrefix,
        Key::Name,
        Key::Idempotent,
        Key::Version,
        Key::Description,
        Key::Uses,
        Key::Flat,
        Key::AllowNondeterminism,
        Key::Crate,
        Key::Events,
        Key::Queues,
        Key::Status,
        Key::Kv,
        Key::Retry,
        Key::Timeout,
    ];

    /// The key as written.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Key::Prefix => "prefix",
            Key::CratePrefix => "crate_prefix",
            Key::Name => "name",
            Key::Idempotent => "idempotent",
            Key::Description => "description",
            Key::Version => "version",
            Key::Uses => "uses",
            Key::Flat => "flat",
            Key::AllowNondeterminism => "allow_nondeterminism",
            Key::Crate => "crate",
            Key::Events => "events",
            Key::Queues => "queues",
            Key::Status => "status",
            Key::Kv => "kv",
            Key::Retry => "retry",
            Key::Timeout => "timeout",
        }
    }

    /// Whether an attribute of `kind` takes the key.
    pub(crate) fn applies_to(self, kind: Kind) -> bool {
        match self {
            Key::Idempotent | Key::Retry | Key::Timeout => kind == Kind::Activity,
            Key::Version
            | Key::Uses
            | Key::AllowNondeterminism
            | Key::Events
            | Key::Queues
            | Key::Status
            | Key::Kv => kind == Kind::Orchestration,
            _ => true,
        }
    }

    /// The key written `text`, whatever kind takes it.
    pub(crate) fn from_text(text: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.text() == text)
    }
}

/// A helper of a companion that schedules its item from an orchestration, taking the context
/// first: what generation names the functions, and what the body scan that derives
/// `ACTIVITIES_USED` (`usage.rs`) looks for, so that a new helper cannot be left out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Helper {
    Call,
    CallOnce,
    CallWithRetry,
    CallOnSession,
    CallWithId,
    StartDetached,
}

impl Helper {
    pub(crate) const ALL: [Helper; 6] = [
        Helper::Call,
        Helper::CallOnce,
        Helper::CallWithRetry,
        Helper::CallOnSession,
        Helper::CallWithId,
        Helper::StartDetached,
    ];

    /// The function's name.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Helper::Call => "call",
            Helper::CallOnce => "call_once",
            Helper::CallWithRetry => "call_with_retry",
            Helper::CallOnSession => "call_on_session",
            Helper::CallWithId => "call_with_id",
            Helper::StartDetached => "start_detached",
        }
    }

    /// The function's name, as an identifier for generated code.
    pub(crate) fn ident(self) -> Ident {
        Ident::new(self.text(), Span::call_site())
    }
}

/// A kind of named channel an orchestration's interface declares: what it is called in
/// messages, in the lock and in the generated module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Channel {
    Event,
    Queue,
    Kv,
}

impl Channel {
    pub(crate) const ALL: [Channel; 3] = [Channel::Event, Channel::Queue, Channel::Kv];

    /// One of them, in messages and in the registry lock: `event`, `queue`, `kv`.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Channel::Event => "event",
            Channel::Queue => "queue",
            Channel::Kv => "kv",
        }
    }

    /// One of them, in prose: `event`, `queue`, `KV key`.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Channel::Event => "event",
            Channel::Queue => "queue",
            Channel::Kv => "KV key",
        }
    }

    /// Several of them, in prose.
    pub(crate) fn plural(self) -> &'static str {
        match self {
            Channel::Event => "events",
            Channel::Queue => "queues",
            Channel::Kv => "KV keys",
        }
    }

    /// The attribute's key, and the generated module: `events`, `queues`, `kv`.
    pub(crate) fn key(self) -> Key {
        match self {
            Channel::Event => Key::Events,
            Channel::Queue => Key::Queues,
            Channel::Kv => Key::Kv,
        }
    }
}

/// One declared event, queue or KV key: `approval = ApprovalDecision`, or with the wire name
/// it keeps, `deleted = InstanceDeleted as "InstanceDeleted"`.
pub(crate) struct Declared {
    pub(crate) key: Ident,
    pub(crate) ty: Type,
    pub(crate) wire: Option<LitStr>,
}

impl Declared {
    /// The name on the wire: the `as "..."` string, or else the key exactly as written.
    pub(crate) fn wire_name(&self) -> String {
        self.wire.as_ref().map_or_else(
            || self.key.to_string().trim_start_matches("r#").to_owned(),
            LitStr::value,
        )
    }

    /// Where an error about the wire name points: the `as` string, or the key.
    pub(crate) fn wire_span(&self) -> Span {
        self.wire
            .as_ref()
            .map_or_else(|| self.key.span(), LitStr::span)
    }
}

/// What an orchestration exchanges with the world besides its input and output: events,
/// queues, a custom status and KV values, each typed, as `#[orchestration(...)]` declares them.
#[derive(Default)]
pub(crate) struct Interface {
    pub(crate) events: Vec<Declared>,
    pub(crate) queues: Vec<Declared>,
    pub(crate) kv: Vec<Declared>,
    pub(crate) status: Option<Type>,
}

impl Interface {
    pub(crate) fn of(&self, channel: Channel) -> &[Declared] {
        match channel {
            Channel::Event => &self.events,
            Channel::Queue => &self.queues,
            Channel::Kv => &self.kv,
        }
    }

    pub(crate) fn of_mut(&mut self, channel: Channel) -> &mut Vec<Declared> {
        match channel {
            Channel::Event => &mut self.events,
            Channel::Queue => &mut self.queues,
            Channel::Kv => &mut self.kv,
        }
    }

    /// Whether nothing is declared: then nothing is generated for it.
    pub(crate) fn is_empty(&self) -> bool {
        self.status.is_none() && Channel::ALL.iter().all(|c| self.of(*c).is_empty())
    }

    /// Every declared type, for the companion's scope.
    pub(crate) fn types(&self) -> impl Iterator<Item = &Type> {
        Channel::ALL
            .into_iter()
            .flat_map(|c| self.of(c).iter().map(|d| &d.ty))
            .chain(self.status.as_ref())
    }
}

/// The attribute's arguments as written; `resolve.rs` applies the defaults, where the function
/// is known.
#[derive(Default)]
pub(crate) struct Args {
    pub(crate) prefix: Option<LitStr>,
    pub(crate) crate_prefix: Option<Span>,
    pub(crate) name: Option<LitStr>,
    pub(crate) idempotent: Option<LitBool>,
    pub(crate) description: Option<LitStr>,
    pub(crate) version: Option<LitStr>,
    pub(crate) uses: Vec<syn::Path>,
    /// `flat`: the companion's items go in the function's own module.
    pub(crate) flat: Option<Span>,
    /// `allow_nondeterminism = "reason"`: the determinism guard is off for this orchestration.
    pub(crate) allow_nondeterminism: Option<LitStr>,
    /// `crate = "..."`: the path the facade crate is re-exported at.
    pub(crate) krate: Option<LitStr>,
    /// `events(..)`, `queues(..)`, `status = ..` and `kv(..)`: an orchestration's interface.
    pub(crate) interface: Interface,
    /// `retry(..)` and `timeout = ".."`: an activity's defaults; `None` without either.
    pub(crate) defaults: Option<crate::defaults::Defaults>,
}

/// An `fn` item whose body is kept as tokens: the body is passed on exactly as written and never
/// parsed (as in tokio-macros and tracing-attributes), which keeps the macro cheap.
pub(crate) struct Function {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    pub(crate) sig: Signature,
    /// The body as written; empty for a declaration.
    pub(crate) body: TokenStream,
    /// For a declaration (a signature ending in `;`, for work implemented elsewhere), the `;`.
    pub(crate) declaration: Option<Span>,
}

impl Function {
    /// Whether this is a declaration of work implemented elsewhere: a signature without a body.
    pub(crate) fn is_declaration(&self) -> bool {
        self.declaration.is_some()
    }
}

/// The function as written. A declaration has no function to emit: the attribute replaces it
/// with its companion.
impl ToTokens for Function {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if self.is_declaration() {
            return;
        }
        for attr in &self.attrs {
            attr.to_tokens(tokens);
        }
        self.vis.to_tokens(tokens);
        self.sig.to_tokens(tokens);
        self.body.to_tokens(tokens);
    }
}

/// One annotated function, resolved. Built even when the input has errors, as complete as the
/// input allows, so that generation can emit the function and its companion anyway.
pub(crate) struct Item {
    pub(crate) kind: Kind,
    pub(crate) function: Function,
    /// The attribute's arguments, as written.
    pub(crate) args: Args,
    /// `{prefix}::{kind}::{name}`.
    pub(crate) full_name: String,
    /// The `{name}` part of the full name: the `name` argument, or the function's name in
    /// kebab-case.
    pub(crate) name: String,
    /// The `{crate}` part of the full name.
    pub(crate) prefix: String,
    pub(crate) description: String,
    pub(crate) idempotent: bool,
    pub(crate) version: String,
    /// Whether `version` was given; without it duroxide's default registration is used.
    pub(crate) explicit_version: bool,
    pub(crate) version_key: Vec<u8>,
    /// Companion modules this orchestration calls, relative to the function's module.
    pub(crate) uses: Vec<ModulePath>,
    pub(crate) context: Option<Type>,
    pub(crate) input: Option<Type>,
    pub(crate) output: Option<Type>,
    /// The type of an activity's `#[config]` parameter, shared by every call.
    pub(crate) config: Option<Type>,
    /// Whether the signature passed every check; if not, generated code that relies on it is
    /// left out so that its errors do not cascade.
    pub(crate) sound: bool,
    /// The function is a method, so no companion module can be generated beside it.
    pub(crate) is_method: bool,
    /// The companion's items go in the function's own module rather than in a module of their
    /// own: with `flat`, or for a function named after its kind (`activity`, `orchestration`),
    /// as the pattern's file-per-item layout has it.
    pub(crate) in_place: bool,
    /// `#[cfg]` and `#[cfg_attr]` of the function, repeated on everything generated for it.
    pub(crate) cfgs: Vec<Attribute>,
    /// How the companion reaches the names the function's module sees.
    pub(crate) scope: Scope,
    /// How generated code reaches the facade crate.
    pub(crate) support: Support,
}

impl Item {
    /// Whether the companion registers the activity through `__register_with_config`, which its
    /// entry's configured slot then names: it takes a `#[config]` parameter and its signature is
    /// sound.
    pub(crate) fn registers_with_config(&self) -> bool {
        self.config.is_some() && self.sound
    }
}

/// A path to a companion module, as segments.
#[derive(PartialEq, Eq)]
pub(crate) struct ModulePath {
    segments: Vec<Ident>,
    /// Whether the path starts with `::`.
    leading_colon: bool,
}

impl ModulePath {
    pub(crate) fn new(segments: Vec<Ident>, leading_colon: bool) -> Self {
        ModulePath {
            segments,
            leading_colon,
        }
    }

    pub(crate) fn from_syn(path: &syn::Path) -> Self {
        ModulePath::new(
            path.segments.iter().map(|s| s.ident.clone()).collect(),
            path.leading_colon.is_some(),
        )
    }

    pub(crate) fn text(&self) -> String {
        let joined = self
            .segments
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("::");
        if self.leading_colon {
            format!("::{joined}")
        } else {
            joined
        }
    }

    /// The span of the last segment, where an error about the path points.
    pub(crate) fn last_span(&self) -> Span {
        self.segments
            .last()
            .map_or_else(Span::call_site, Ident::span)
    }

    /// The path as written, with its spans, for code in the function's own module.
    pub(crate) fn as_written(&self) -> TokenStream {
        let colon = self.leading_colon.then(|| quote!(::));
        let segments = &self.segments;
        quote!(#colon #(#segments)::*)
    }
}
