//! Orchestration versions: semver validation and a sort key that `registry!` can compare in
//! const evaluation.
//!
//! duroxide panics at run time when versions of one orchestration are registered out of order.
//! `registry!` only sees paths, so each `#[orchestration]` publishes a byte key whose
//! lexicographic order is semver precedence, and the registry sorts by it at compile time.

use semver::{Prerelease, Version};

pub(crate) const DEFAULT: &str = "1.0.0";

/// Parses `text` as a version duroxide accepts, or explains how to write one.
pub(crate) fn parse(text: &str) -> Result<Version, String> {
    let version = Version::parse(text).map_err(|error| {
        let hint = suggest(text).map_or_else(String::new, |s| format!("; try `{s}`"));
        format!(
            "`{text}` is not a semantic version ({error}): write MAJOR.MINOR.PATCH, like \
             `2.0.0`{hint}"
        )
    })?;
    if !version.build.is_empty() {
        return Err(format!(
            "`{text}` carries build metadata (`+{}`), which semver ignores for precedence, so it \
             cannot tell two versions of an orchestration apart; bump MAJOR.MINOR.PATCH or use a \
             pre-release like `{}-{}` instead",
            version.build,
            Version::new(version.major, version.minor, version.patch),
            version.build.as_str().replace('.', "-"),
        ));
    }
    Ok(version)
}

fn suggest(text: &str) -> Option<String> {
    let trimmed = text.trim().trim_start_matches(['v', 'V']);
    let padded = match trimmed.split('.').count() {
        1 => format!("{trimmed}.0.0"),
        2 => format!("{trimmed}.0"),
        _ => trimmed.to_owned(),
    };
    (padded != text && Version::parse(&padded).is_ok()).then_some(padded)
}

/// The sort key of [`DEFAULT`], the version of every activity and unversioned orchestration.
pub(crate) fn default_key() -> Vec<u8> {
    sort_key(&Version::new(1, 0, 0))
}

/// A byte string whose lexicographic order is the semver precedence of `version`.
///
/// Layout: major, minor and patch as big-endian `u64`s; then `0xFF` for a release, or the
/// pre-release identifiers, each tagged `0x01` (numeric: length, then digits) or `0x02`
/// (alphanumeric: bytes, then `0x00`), closed by `0x00` so that a shorter list sorts first.
pub(crate) fn sort_key(version: &Version) -> Vec<u8> {
    let mut key = Vec::with_capacity(32);
    for part in [version.major, version.minor, version.patch] {
        key.extend_from_slice(&part.to_be_bytes());
    }
    if version.pre == Prerelease::EMPTY {
        key.push(0xFF);
        return key;
    }
    for identifier in version.pre.as_str().split('.') {
        if identifier.bytes().all(|b| b.is_ascii_digit()) {
            key.push(0x01);
            // semver forbids leading zeros, so comparing lengths first compares the numbers.
            let length = u16::try_from(identifier.len()).unwrap_or(u16::MAX);
            key.extend_from_slice(&length.to_be_bytes());
            key.extend_from_slice(identifier.as_bytes());
        } else {
            key.push(0x02);
            key.extend_from_slice(identifier.as_bytes());
            key.push(0x00);
        }
    }
    key.push(0x00);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_semver_and_rejects_the_rest_with_hints() {
        assert!(parse("2.0.0").is_ok());
        assert!(parse("1.0.0-alpha.1").is_ok());
        assert!(parse("v2").unwrap_err().contains("try `2.0.0`"));
        assert!(parse("2.1").unwrap_err().contains("try `2.1.0`"));
        assert!(parse("latest")
            .unwrap_err()
            .contains("not a semantic version"));
        assert!(parse("1.0.0+build.5")
            .unwrap_err()
            .contains("build metadata"));
    }

    #[test]
    fn sort_key_orders_like_semver() {
        // The precedence example from semver.org, plus numeric and release boundaries.
        let ordered = [
            "0.9.9",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.2.0",
            "1.10.0",
            "2.0.0",
            "10.0.0",
        ];
        for pair in ordered.windows(2) {
            let (a, b) = (parse(pair[0]).unwrap(), parse(pair[1]).unwrap());
            assert!(a < b, "semver: {a} < {b}");
            assert!(sort_key(&a) < sort_key(&b), "key: {a} < {b}");
        }
    }
}
