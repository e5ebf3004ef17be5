#!/usr/bin/env python3
"""Deletes items from an expanded crate, for bench/scripts/expanded.sh to price them.

    strip_items.py IN.rs OUT.rs REGEX...

Each REGEX marks where an item starts (`pub fn call_with_retry`, say). The item is deleted
from there to the brace that closes its body (or to its `;`), together with the attributes
just before it. String literals are skipped, so braces inside doc strings do not count.
Prints how many items each REGEX deleted.
"""
import re
import sys


def skip_string(s, i):
    """Index of the last character of the (raw or plain) string literal starting at i, or i."""
    if s[i] == '"':
        i += 1
        while s[i] != '"':
            i += 2 if s[i] == "\\" else 1
        return i
    if s[i] == "r" and s[i + 1] in '"#' and not (s[i - 1].isalnum() or s[i - 1] == "_"):
        j, hashes = i + 1, 0
        while s[j] == "#":
            hashes, j = hashes + 1, j + 1
        if s[j] == '"':
            end = '"' + "#" * hashes
            return s.index(end, j + 1) + len(end) - 1
    return i


def closing(s, i, open_, close):
    """Index of the `close` that matches the first `open_` at or after i."""
    depth = 0
    while True:
        i = skip_string(s, i)
        if s[i] == open_:
            depth += 1
        elif s[i] == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1


def item_end(s, i):
    """Index just past the item starting at i: its body's closing brace (and a `;` after it),
    or its first `;` outside any brace."""
    depth = 0
    while True:
        i = skip_string(s, i)
        if s[i] == "{":
            depth += 1
        elif s[i] == "}":
            depth -= 1
            if depth == 0:
                j = i + 1
                while s[j] in " \n":
                    j += 1
                return j + 1 if s[j] == ";" else i + 1
        elif s[i] == ";" and depth == 0:
            return i + 1
        i += 1


def attributes_start(s, start):
    """Where the attributes right before `start` begin."""
    while True:
        before = s[:start].rstrip()
        if not before.endswith("]"):
            return start
        k = before.rfind("#[")
        while k >= 0 and closing(s, k + 1, "[", "]") != len(before) - 1:
            k = before.rfind("#[", 0, k)
        if k < 0:
            return start
        start = k


def strip(s, pattern):
    out, pos, count = [], 0, 0
    for m in re.finditer(pattern, s):
        if m.start() < pos:
            continue
        out.append(s[pos:attributes_start(s, m.start())])
        pos = item_end(s, m.start())
        count += 1
    out.append(s[pos:])
    return "".join(out), count


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    s = open(sys.argv[1]).read()
    for pattern in sys.argv[3:]:
        s, count = strip(s, pattern)
        print(f"{count:5} deleted: {pattern}")
    open(sys.argv[2], "w").write(s)


if __name__ == "__main__":
    main()
