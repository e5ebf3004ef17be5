//! An activity's retry and timeout defaults, `#[activity(retry(..), timeout = "..")]`: parsed
//! and checked here, at compile time, because duroxide 0.1.32 checks nothing of a
//! `RetryPolicy` until an orchestration runs it (`RetryPolicy::new(0)` panics there), and a typo
//! in a duration would otherwise be found in production.
//!
//! ```text
//! retry(attempts = 5, backoff = exponential(initial = "100ms", factor = 2, max = "30s"))
//! retry(attempts = 3, backoff = fixed(delay = "1s"))
//! retry(attempts = 4, backoff = linear(base = "500ms", max = "5s"))
//! retry(attempts = 2, backoff = none)
//! timeout = "2m"
//! ```
//!
//! Durations are one or more `<digits><unit>` groups, largest unit first, with the units `ms`,
//! `s`, `m` and `h` (`"100ms"`, `"30s"`, `"1m30s"`). Without `backoff`, duroxide's default
//! applies (exponential 100ms×2 up to 30s), and is written out in the generated policy.

use crate::diagnostics::Diagnostics;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token};

/// What `retry(..)` and `timeout` declare together.
#[derive(Default, Debug)]
pub(crate) struct Defaults {
    pub(crate) retry: Option<Retry>,
    /// Per attempt, as duroxide's `RetryPolicy::timeout`: a timed-out attempt is not retried.
    pub(crate) timeout: Option<Duration>,
}

#[derive(Debug)]
pub(crate) struct Retry {
    pub(crate) attempts: u32,
    pub(crate) backoff: Backoff,
}

/// duroxide's `BackoffStrategy`, with durations checked.
#[derive(Debug)]
pub(crate) enum Backoff {
    None,
    Fixed {
        delay: Duration,
    },
    Linear {
        base: Duration,
        max: Duration,
    },
    Exponential {
        initial: Duration,
        factor: f64,
        max: Duration,
    },
}

/// duroxide's default backoff (`BackoffStrategy::default()`), used when `backoff` is left out.
const DEFAULT_BACKOFF: Backoff = Backoff::Exponential {
    initial: Duration(100),
    factor: 2.0,
    max: Duration(30_000),
};

/// A duration in whole milliseconds, the finest unit the format has.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Duration(pub(crate) u64);

impl Duration {
    /// `"1m30s"` as milliseconds; `None` if it is not a duration in the documented format.
    pub(crate) fn parse(text: &str) -> Option<Duration> {
        const UNITS: [(&str, u64); 4] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)];
        let mut rest = text;
        let mut total: u64 = 0;
        // The factor of the last unit read: units must come largest first, each once.
        let mut last = u64::MAX;
        if rest.is_empty() {
            return None;
        }
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            let value: u64 = rest[..digits].parse().ok()?;
            rest = &rest[digits..];
            // `ms` before `m`, so that `100ms` is not read as 100 minutes and a stray `s`.
            let (unit, factor) = UNITS
                .iter()
                .find(|(unit, _)| rest.starts_with(unit))
                .copied()?;
            if factor >= last {
                return None;
            }
            last = factor;
            rest = &rest[unit.len()..];
            total = total.checked_add(value.checked_mul(factor)?)?;
        }
        Some(Duration(total))
    }

    /// The duration in the largest unit that writes it exactly: `120000` ms is `2m`.
    pub(crate) fn words(self) -> String {
        const UNITS: [(&str, u64); 4] = [("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)];
        let (unit, factor) = UNITS
            .iter()
            .find(|(_, factor)| self.0 % factor == 0 && self.0 >= *factor)
            .copied()
            .unwrap_or(("ms", 1));
        format!("{}{unit}", self.0 / factor)
    }

    fn tokens(self) -> TokenStream {
        let millis = self.0;
        quote!(::core::time::Duration::from_millis(#millis))
    }
}

impl Defaults {
    /// The defaults in words, for the inventory: `5 attempts, exponential 100ms×2 up to 30s,
    /// timeout 2m`.
    pub(crate) fn words(&self) -> String {
        let mut parts = Vec::new();
        let attempts = self.retry.as_ref().map_or(1, |retry| retry.attempts);
        let plural = if attempts == 1 { "" } else { "s" };
        parts.push(format!("{attempts} attempt{plural}"));
        if let Some(retry) = &self.retry {
            parts.push(retry.backoff.words());
        }
        if let Some(timeout) = self.timeout {
            parts.push(format!("timeout {}", timeout.words()));
        }
        parts.join(", ")
    }

    /// The body of `retry_policy()`: a `RetryPolicy` written out field by field, so that the
    /// policy reads the same in the expansion as in the attribute. A timeout alone is one
    /// attempt with that timeout.
    pub(crate) fn policy(&self, duroxide: &TokenStream) -> TokenStream {
        let (attempts, backoff) = match &self.retry {
            Some(retry) => (retry.attempts, &retry.backoff),
            None => (1, &Backoff::None),
        };
        let backoff = backoff.tokens(duroxide);
        let timeout = match self.timeout {
            Some(timeout) => {
                let timeout = timeout.tokens();
                quote!(::core::option::Option::Some(#timeout))
            }
            None => quote!(::core::option::Option::None),
        };
        quote! {
            #duroxide::RetryPolicy {
                max_attempts: #attempts,
                backoff: #backoff,
                timeout: #timeout,
            }
        }
    }
}

impl Backoff {
    fn words(&self) -> String {
        match self {
            Backoff::None => "no backoff".to_owned(),
            Backoff::Fixed { delay } => format!("fixed {}", delay.words()),
            Backoff::Linear { base, max } => {
                format!("linear {} up to {}", base.words(), max.words())
            }
            Backoff::Exponential {
                initial,
                factor,
                max,
            } => format!(
                "exponential {}×{factor} up to {}",
                initial.words(),
                max.words()
            ),
        }
    }

    fn tokens(&self, duroxide: &TokenStream) -> TokenStream {
        let strategy = quote!(#duroxide::BackoffStrategy);
        match self {
            Backoff::None => quote!(#strategy::None),
            Backoff::Fixed { delay } => {
                let delay = delay.tokens();
                quote!(#strategy::Fixed { delay: #delay })
            }
            Backoff::Linear { base, max } => {
                let (base, max) = (base.tokens(), max.tokens());
                quote!(#strategy::Linear { base: #base, max: #max })
            }
            Backoff::Exponential {
                initial,
                factor,
                max,
            } => {
                let (base, max) = (initial.tokens(), max.tokens());
                let multiplier = proc_macro2::Literal::f64_suffixed(*factor);
                quote!(#strategy::Exponential { base: #base, multiplier: #multiplier, max: #max })
            }
        }
    }
}

const DURATION_FORMAT: &str =
    "digits and a unit (ms, s, m or h), largest unit first, like \"100ms\", \"30s\", \"2m\" or \"1m30s\"";

/// A duration literal, checked: in the format, and longer than zero.
pub(crate) fn duration(input: ParseStream, what: &str) -> syn::Result<Duration> {
    if !input.peek(LitStr) {
        let span = input.span();
        // The value is consumed, so that what follows it is still read.
        let _: TokenStream = skip_one_value(input);
        return Err(syn::Error::new(
            span,
            format!("`{what}` takes a duration as a string: {DURATION_FORMAT}"),
        ));
    }
    let literal: LitStr = input.parse()?;
    let Some(duration) = Duration::parse(&literal.value()) else {
        return Err(syn::Error::new(
            literal.span(),
            format!(
                "`{}` is not a duration: write {DURATION_FORMAT}",
                literal.value()
            ),
        ));
    };
    if duration.0 == 0 {
        return Err(syn::Error::new(
            literal.span(),
            format!("`{what}` must be longer than zero"),
        ));
    }
    Ok(duration)
}

/// The parenthesized content of `retry(..)`.
pub(crate) fn retry(content: ParseStream, span: Span) -> syn::Result<Retry> {
    let mut errors = Diagnostics::new();
    let mut attempts: Option<u32> = None;
    let mut backoff: Option<Backoff> = None;
    // A malformed list ends the reading, reported with whatever was found before it.
    let mut read = || -> syn::Result<()> {
        while !content.is_empty() {
            let key: Ident = content.parse()?;
            content.parse::<Token![=]>().map_err(|_| {
                syn::Error::new(
                    key.span(),
                    format!("`{key}` needs a value, like `attempts = 5`"),
                )
            })?;
            match key.to_string().as_str() {
                "attempts" => match self::attempts(content) {
                    Ok(value) => attempts = Some(value),
                    Err(error) => errors.push(error),
                },
                "backoff" => match self::backoff(content) {
                    Ok(value) => backoff = Some(value),
                    Err(error) => {
                        errors.push(error);
                        backoff = Some(Backoff::None);
                    }
                },
                other => {
                    errors.error_at(
                        key.span(),
                        format!(
                            "unknown key `{other}` in `retry(..)`; the keys are `attempts` and \
                             `backoff`"
                        ),
                    );
                    let _: TokenStream = skip_one_value(content);
                }
            }
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(error) = read() {
        errors.push(error);
    }
    if attempts.is_none() && !errors.has_errors() {
        errors.error_at(
            span,
            "`retry(..)` needs `attempts`, the number of attempts including the first, like \
             `retry(attempts = 5)`",
        );
    }
    errors.into_result(Retry {
        attempts: attempts.unwrap_or(1),
        backoff: backoff.unwrap_or(DEFAULT_BACKOFF),
    })
}

/// `attempts = N`, at least 1.
fn attempts(input: ParseStream) -> syn::Result<u32> {
    if !input.peek(syn::LitInt) {
        let span = input.span();
        let _: TokenStream = skip_one_value(input);
        return Err(syn::Error::new(
            span,
            "`attempts` takes a whole number, like `attempts = 5`",
        ));
    }
    let literal: syn::LitInt = input.parse()?;
    let value: u32 = literal
        .base10_parse()
        .map_err(|_| syn::Error::new(literal.span(), "`attempts` must fit in a u32"))?;
    if value == 0 {
        return Err(syn::Error::new(
            literal.span(),
            "`attempts` counts the first attempt too, so it is at least 1 (duroxide panics at \
             run time on a policy of 0 attempts); write `attempts = 1` for no retry",
        ));
    }
    Ok(value)
}

const BACKOFFS: &str = "`none`, `fixed(delay = \"1s\")`, `linear(base = \"1s\", max = \"30s\")` \
     or `exponential(initial = \"100ms\", factor = 2, max = \"30s\")`";

/// `none`, `fixed(..)`, `linear(..)` or `exponential(..)`.
fn backoff(input: ParseStream) -> syn::Result<Backoff> {
    let kind: Ident = input.parse().map_err(|error| {
        syn::Error::new(error.span(), format!("`backoff` is one of {BACKOFFS}"))
    })?;
    let name = kind.to_string();
    if name == "none" {
        return Ok(Backoff::None);
    }
    let fields: &[&str] = match name.as_str() {
        "fixed" => &["delay"],
        "linear" => &["base", "max"],
        "exponential" => &["initial", "factor", "max"],
        _ => {
            let _: TokenStream = skip_one_value(input);
            return Err(syn::Error::new(
                kind.span(),
                format!("unknown backoff `{name}`; it is one of {BACKOFFS}"),
            ));
        }
    };
    if !input.peek(syn::token::Paren) {
        return Err(syn::Error::new(
            kind.span(),
            format!("`{name}` needs its parameters; the backoffs are {BACKOFFS}"),
        ));
    }
    let content;
    syn::parenthesized!(content in input);
    let values = backoff_fields(&content, &kind, fields)?;
    build_backoff(&kind, &values)
}

/// One parameter of a backoff: a duration, or the factor.
enum Value {
    Duration(Duration, Span),
    Factor(f64, Span),
}

impl Value {
    fn duration(&self) -> Duration {
        match self {
            Value::Duration(duration, _) => *duration,
            Value::Factor(..) => Duration(0),
        }
    }

    fn span(&self) -> Span {
        match self {
            Value::Duration(_, span) | Value::Factor(_, span) => *span,
        }
    }
}

/// The parameters of a backoff, each once, every one of `fields` present.
fn backoff_fields(
    content: ParseStream,
    kind: &Ident,
    fields: &[&str],
) -> syn::Result<Vec<(String, Value)>> {
    let mut errors = Diagnostics::new();
    let mut values: Vec<(String, Value)> = Vec::new();
    let list = fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut read = || -> syn::Result<()> {
        while !content.is_empty() {
            let key: Ident = content.parse()?;
            let name = key.to_string();
            content.parse::<Token![=]>()?;
            let span = content.span();
            if !fields.contains(&name.as_str()) {
                errors.error_at(
                    key.span(),
                    format!("unknown key `{name}` in `{kind}(..)`; its keys are {list}"),
                );
                let _: TokenStream = skip_one_value(content);
            } else if values.iter().any(|(n, _)| *n == name) {
                errors.error_at(key.span(), format!("`{name}` is given twice; keep one"));
                let _: TokenStream = skip_one_value(content);
            } else if name == "factor" {
                match factor(content) {
                    Ok(factor) => values.push((name, Value::Factor(factor, span))),
                    Err(error) => errors.push(error),
                }
            } else {
                match duration(content, &name) {
                    Ok(duration) => values.push((name, Value::Duration(duration, span))),
                    Err(error) => errors.push(error),
                }
            }
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(error) = read() {
        errors.push(error);
    }
    if !errors.has_errors() {
        let missing: Vec<String> = fields
            .iter()
            .filter(|f| !values.iter().any(|(n, _)| n == *f))
            .map(|f| format!("`{f}`"))
            .collect();
        if !missing.is_empty() {
            errors.error_at(
                kind.span(),
                format!("`{kind}(..)` needs {list}; missing: {}", missing.join(", ")),
            );
        }
    }
    errors.into_result(values)
}

/// `factor = 2` or `factor = 1.5`: at least 1, or the delays would shrink.
fn factor(input: ParseStream) -> syn::Result<f64> {
    let (value, span) = if input.peek(syn::LitFloat) {
        let literal: syn::LitFloat = input.parse()?;
        (literal.base10_parse::<f64>()?, literal.span())
    } else if input.peek(syn::LitInt) {
        let literal: syn::LitInt = input.parse()?;
        (f64::from(literal.base10_parse::<u32>()?), literal.span())
    } else {
        let span = input.span();
        let _: TokenStream = skip_one_value(input);
        return Err(syn::Error::new(
            span,
            "`factor` takes a number, like `factor = 2` or `factor = 1.5`",
        ));
    };
    if !value.is_finite() || value < 1.0 {
        return Err(syn::Error::new(
            span,
            "`factor` multiplies each delay, so it is at least 1 (below 1 the delays would \
             shrink); write `backoff = fixed(..)` for equal delays",
        ));
    }
    Ok(value)
}

/// The backoff of `kind`, its delays checked against its cap.
fn build_backoff(kind: &Ident, values: &[(String, Value)]) -> syn::Result<Backoff> {
    let get = |name: &str| values.iter().find(|(n, _)| n == name).map(|(_, v)| v);
    let capped = |first: &str| -> syn::Result<(Duration, Duration)> {
        let (Some(start), Some(max)) = (get(first), get("max")) else {
            return Ok((Duration(0), Duration(0)));
        };
        if start.duration() > max.duration() {
            return Err(syn::Error::new(
                max.span(),
                format!(
                    "`max` ({}) is shorter than `{first}` ({}); the cap must be at least the \
                     first delay",
                    max.duration().words(),
                    start.duration().words()
                ),
            ));
        }
        Ok((start.duration(), max.duration()))
    };
    Ok(match kind.to_string().as_str() {
        "fixed" => Backoff::Fixed {
            delay: get("delay").map_or(Duration(0), Value::duration),
        },
        "linear" => {
            let (base, max) = capped("base")?;
            Backoff::Linear { base, max }
        }
        _ => {
            let (initial, max) = capped("initial")?;
            let factor = match get("factor") {
                Some(Value::Factor(factor, _)) => *factor,
                _ => 2.0,
            };
            Backoff::Exponential {
                initial,
                factor,
                max,
            }
        }
    })
}

/// Skips one value: tokens up to the next top-level `,`.
fn skip_one_value(input: ParseStream) -> TokenStream {
    let mut skipped = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        match input.parse::<proc_macro2::TokenTree>() {
            Ok(tree) => skipped.extend([tree]),
            Err(_) => break,
        }
    }
    skipped
}

#[cfg(test)]
mod tests {
    use super::{Defaults, Duration};
    use proc_macro2::Span;
    use syn::parse::Parser;

    fn retry(text: &str) -> Result<Defaults, Vec<String>> {
        let parser = |input: syn::parse::ParseStream| super::retry(input, Span::call_site());
        match parser.parse_str(text) {
            Ok(retry) => Ok(Defaults {
                retry: Some(retry),
                timeout: None,
            }),
            Err(error) => Err(error.into_iter().map(|e| e.to_string()).collect()),
        }
    }

    #[test]
    fn a_policy_in_words() {
        let exponential =
            r#"attempts = 5, backoff = exponential(initial = "100ms", factor = 2, max = "30s")"#;
        assert_eq!(
            retry(exponential).unwrap().words(),
            "5 attempts, exponential 100ms×2 up to 30s"
        );
        assert_eq!(
            retry(r#"attempts = 2, backoff = linear(base = "1s", max = "1m")"#)
                .unwrap()
                .words(),
            "2 attempts, linear 1s up to 1m"
        );
        assert_eq!(
            retry("attempts = 3").unwrap().words(),
            "3 attempts, exponential 100ms×2 up to 30s",
            "duroxide's default backoff, written out"
        );
        let timeout_only = Defaults {
            retry: None,
            timeout: Duration::parse("2m"),
        };
        assert_eq!(timeout_only.words(), "1 attempt, timeout 2m");
    }

    #[test]
    fn every_problem_of_a_policy_is_reported() {
        let errors = retry(
            r#"attempts = 0, backoff = linear(base = "soon", max = "1s", max = "2s"), tries = 2"#,
        )
        .unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].contains("at least 1"), "{errors:?}");
        assert!(errors[1].contains("`soon` is not a duration"), "{errors:?}");
        assert!(errors[2].contains("`max` is given twice"), "{errors:?}");
        assert!(errors[3].contains("unknown key `tries`"), "{errors:?}");
        // A malformed list is reported, never a panic, with what came before it.
        let errors = retry("attempts = 0, backoff").unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn durations_in_the_documented_format() {
        assert_eq!(Duration::parse("100ms"), Some(Duration(100)));
        assert_eq!(Duration::parse("30s"), Some(Duration(30_000)));
        assert_eq!(Duration::parse("2m"), Some(Duration(120_000)));
        assert_eq!(Duration::parse("1h"), Some(Duration(3_600_000)));
        assert_eq!(Duration::parse("1m30s"), Some(Duration(90_000)));
        assert_eq!(Duration::parse("1s500ms"), Some(Duration(1_500)));
    }

    #[test]
    fn anything_else_is_not_a_duration() {
        for text in [
            "",
            "100",
            "ms",
            "2 m",
            "1.5s",
            "30sec",
            "1s1m",
            "1s1s",
            "-1s",
            "99999999999999999999h",
        ] {
            assert_eq!(Duration::parse(text), None, "{text}");
        }
    }

    #[test]
    fn durations_are_written_in_the_largest_exact_unit() {
        assert_eq!(Duration(120_000).words(), "2m");
        assert_eq!(Duration(90_000).words(), "90s");
        assert_eq!(Duration(1_500).words(), "1500ms");
        assert_eq!(Duration(7_200_000).words(), "2h");
    }
}
