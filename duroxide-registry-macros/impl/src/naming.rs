//! The naming convention of the cross-crate registry pattern.
//!
//! Full names read `{crate-prefix}::{activity|orchestration}::{name}`; the prefix and the name are
//! both kebab-case. duroxide replays history by name, so a name is a wire format: these rules
//! reject what the pattern forbids and never rewrite what the user wrote.

use heck::ToKebabCase;

/// duroxide reserves activity names starting with this for its own system calls.
pub(crate) const RESERVED_PREFIX: &str = "__duroxide_syscall:";

/// Which part of a full name a string is meant to be; only used to word messages.
#[derive(Clone, Copy)]
pub(crate) enum Part {
    Prefix,
    Name(&'static str),
}

impl Part {
    fn describe(self) -> String {
        match self {
            Part::Prefix => "crate prefix".to_owned(),
            Part::Name(kind) => format!("{kind} name"),
        }
    }
}

/// Checks one segment of a full name, returning a message that says what to do when it breaks
/// the convention. A name may end in `@v<digits>`, the pattern's own spelling for a type-versioned
/// item (`provision-postgres@v2`, from its "Type Versioning" section); a prefix may not.
pub(crate) fn check(value: &str, part: Part) -> Result<(), String> {
    let what = part.describe();
    if let (Part::Name(_), Some((base, suffix))) = (part, value.rsplit_once('@')) {
        let digits = suffix.strip_prefix('v').unwrap_or("");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "{what} `{value}` ends in `@{suffix}`; a name may end only in a version suffix \
                 `@v<digits>`, like `{base}@v2` (the pattern's type versioning), or use \
                 `version = \"2.0.0\"`, duroxide's own versioning"
            ));
        }
        return check(base, part).map_err(|message| format!("{message} (before `@{suffix}`)"));
    }
    if value.starts_with(RESERVED_PREFIX) {
        return Err(format!(
            "{what} `{value}` uses the prefix `{RESERVED_PREFIX}`, which duroxide reserves for its \
             own system activities; choose a kebab-case {what} of your own"
        ));
    }
    if value.is_empty() {
        return Err(format!(
            "{what} is empty; {}",
            match part {
                Part::Prefix => "give the crate's name in kebab-case, like `duroxide-azure-arm`",
                Part::Name(_) => "give a kebab-case name, like `provision-vm`",
            }
        ));
    }
    if let Some(separator) = ["::", "/", "."].into_iter().find(|s| value.contains(s)) {
        let whole = match part {
            Part::Prefix => "`{prefix}::{kind}::{name}`".to_owned(),
            Part::Name(kind) => format!("`{{prefix}}::{kind}::{{name}}`"),
        };
        return Err(format!(
            "{what} `{value}` contains `{separator}`; the full name {whole} is assembled for you, \
             so write only this part in kebab-case{}",
            suggestion_suffix(value)
        ));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!(
            "{what} `{value}` is not kebab-case: use lowercase ASCII words joined by single \
             hyphens{}",
            suggestion_suffix(value)
        ));
    }
    if value.starts_with('-') || value.ends_with('-') {
        return Err(format!(
            "{what} `{value}` starts or ends with a hyphen{}",
            suggestion_suffix(value)
        ));
    }
    if value.contains("--") {
        return Err(format!(
            "{what} `{value}` contains a double hyphen; join words with single hyphens{}",
            suggestion_suffix(value)
        ));
    }
    Ok(())
}

/// The kebab-case spelling of `value`, when one exists. Nothing is suggested when that would
/// mean dropping letters, since a mangled word is no help.
pub(crate) fn suggest(value: &str) -> Option<String> {
    if value.chars().any(|c| c.is_alphanumeric() && !c.is_ascii()) {
        return None;
    }
    let kebab = value.replace(['/', '.', ':', ' '], "-").to_kebab_case();
    let cleaned: String = kebab
        .split('-')
        .map(|word| {
            word.chars()
                .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (!cleaned.is_empty() && cleaned != value).then_some(cleaned)
}

fn suggestion_suffix(value: &str) -> String {
    suggest(value).map_or_else(String::new, |s| format!("; try `{s}`"))
}

/// The default short name of a function: its identifier in kebab-case.
pub(crate) fn default_name(ident: &syn::Ident) -> String {
    let raw = ident.to_string();
    let raw = raw.strip_prefix("r#").unwrap_or(&raw);
    raw.to_kebab_case()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: Part = Part::Name("activity");

    #[test]
    fn a_name_may_end_in_the_patterns_version_suffix() {
        assert_eq!(check("provision-postgres@v2", NAME), Ok(()));
        assert_eq!(check("provision-postgres@v10", NAME), Ok(()));
        for bad in [
            "provision-postgres@2",
            "provision-postgres@v",
            "provision-postgres@vx",
        ] {
            let message = check(bad, NAME).unwrap_err();
            assert!(message.contains("`@v<digits>`"), "{bad}: {message}");
        }
        let message = check("Provision@v2", NAME).unwrap_err();
        assert!(
            message.contains("not kebab-case") && message.ends_with("(before `@v2`)"),
            "{message}"
        );
        assert!(check("fleet@v2", Part::Prefix).is_err());
    }

    #[test]
    fn accepts_kebab_case() {
        for ok in [
            "provision-vm",
            "a",
            "vm2",
            "duroxide-azure-arm",
            "x-1-y",
            "2fa-check",
        ] {
            assert_eq!(check(ok, NAME), Ok(()), "{ok}");
            assert_eq!(check(ok, Part::Prefix), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_case_and_separators_with_a_suggestion() {
        let cases = [
            ("ProvisionVM", "provision-vm"),
            ("provisionVm", "provision-vm"),
            ("provision_vm", "provision-vm"),
            ("provision vm", "provision-vm"),
            ("azure::provision-vm", "azure-provision-vm"),
            ("azure/provision-vm", "azure-provision-vm"),
            ("azure.provision-vm", "azure-provision-vm"),
            ("-provision-vm", "provision-vm"),
            ("provision-vm-", "provision-vm"),
            ("provision--vm", "provision-vm"),
        ];
        for (bad, suggestion) in cases {
            let message = check(bad, NAME).expect_err(bad);
            assert!(
                message.contains(&format!("try `{suggestion}`")),
                "{bad}: {message}"
            );
        }
    }

    #[test]
    fn names_the_offending_separator() {
        assert!(check("a::b", NAME).unwrap_err().contains("contains `::`"));
        assert!(check("a/b", NAME).unwrap_err().contains("contains `/`"));
        assert!(check("a.b", NAME).unwrap_err().contains("contains `.`"));
    }

    #[test]
    fn rejects_empty_and_reserved() {
        assert!(check("", NAME).unwrap_err().contains("is empty"));
        let reserved = check("__duroxide_syscall:new_guid", Part::Prefix).unwrap_err();
        assert!(reserved.contains("reserves"), "{reserved}");
    }

    #[test]
    fn non_ascii_is_rejected_and_suggestion_is_ascii_only() {
        let message = check("café-order", NAME).unwrap_err();
        assert!(message.contains("not kebab-case"), "{message}");
        assert!(!message.contains("try"), "no mangled suggestion: {message}");
        assert_eq!(suggest("日本"), None);
    }

    #[test]
    fn default_name_is_kebab_case_of_the_ident() {
        let ident: syn::Ident = syn::parse_str("provision_vm").unwrap();
        assert_eq!(default_name(&ident), "provision-vm");
        let raw: syn::Ident = syn::parse_str("r#type").unwrap();
        assert_eq!(default_name(&raw), "type");
    }

    #[test]
    fn every_suggestion_passes_the_check() {
        for bad in [
            "ProvisionVM",
            "a__b",
            "X",
            "HTTPServer2",
            "--a--b--",
            "a b\tc",
        ] {
            if let Some(s) = suggest(bad) {
                assert_eq!(check(&s, NAME), Ok(()), "{bad} -> {s}");
            }
        }
    }
}
