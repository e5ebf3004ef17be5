//! Strings in const evaluation: comparing them, and panicking with a message joined from
//! pieces, which is how a const check reports (a const `panic!` takes one `&str`).

/// The placeholder, in a message's pieces, for the entry's path as written.
pub const ENTRY: &str = "\u{0}entry";

/// The room a message is joined in. Messages are a few hundred bytes and paths short; a longer
/// one is cut, never lost.
const CAPACITY: usize = 4096;

/// Whether two strings are equal, byte for byte. Names of one crate share their start, so they
/// are compared from the end.
#[must_use]
pub const fn equal(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = a.len();
    while k > 0 && a[k - 1] == b[k - 1] {
        k -= 1;
    }
    k == 0
}

/// Panics with `pieces` joined, each [`ENTRY`] replaced by `entry`. `#[track_caller]` passes the
/// entry's location through.
#[track_caller]
pub const fn fail(pieces: &[&str], entry: &str) -> ! {
    let mut bytes = [0u8; CAPACITY];
    let mut len = 0;
    let mut p = 0;
    while p < pieces.len() {
        let piece = if equal(pieces[p], ENTRY) {
            entry
        } else {
            pieces[p]
        };
        len = append(&mut bytes, len, piece);
        p += 1;
    }
    panic_with(&bytes, len)
}

/// Panics with `pieces` joined.
#[track_caller]
pub const fn join_and_panic(pieces: &[&str]) -> ! {
    let mut bytes = [0u8; CAPACITY];
    let mut len = 0;
    let mut p = 0;
    while p < pieces.len() {
        len = append(&mut bytes, len, pieces[p]);
        p += 1;
    }
    panic_with(&bytes, len)
}

/// Appends what fits of `piece` at `len`; returns the new length.
const fn append(bytes: &mut [u8; CAPACITY], mut len: usize, piece: &str) -> usize {
    let piece = piece.as_bytes();
    let mut i = 0;
    while i < piece.len() && len < CAPACITY {
        bytes[len] = piece[i];
        len += 1;
        i += 1;
    }
    len
}

#[track_caller]
const fn panic_with(bytes: &[u8; CAPACITY], len: usize) -> ! {
    let joined = bytes.split_at(len).0;
    // A message cut inside a character keeps what comes before it.
    let valid = match core::str::from_utf8(joined) {
        Ok(message) => message,
        Err(error) => match core::str::from_utf8(joined.split_at(error.valid_up_to()).0) {
            Ok(message) => message,
            Err(_) => "registry! found a problem with this entry",
        },
    };
    panic!("{}", valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_compares_bytes() {
        assert!(equal("a::b", "a::b"));
        assert!(!equal("a::b", "a::c"));
        assert!(!equal("a", "ab"));
        assert!(equal("", ""));
    }

    #[test]
    #[should_panic(expected = "`x::y` is wrong: `x::y`.")]
    fn fail_joins_the_pieces_with_the_entry() {
        fail(&["`", ENTRY, "` is wrong: `", ENTRY, "`."], "x::y");
    }

    #[test]
    #[should_panic(expected = "ab")]
    fn join_and_panic_joins() {
        join_and_panic(&["a", "b"]);
    }
}
