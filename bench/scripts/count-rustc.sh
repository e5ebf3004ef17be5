#!/usr/bin/env bash
# RUSTC_WRAPPER for instructions.sh and expanded.sh: runs the rustc that compiles $COUNT_CRATE
# under valgrind's cachegrind, writing its counts to $COUNT_OUT (and the log, with rustc's own
# stderr, to $COUNT_OUT.log); every other rustc runs as usual.
rustc=$1
shift
if [[ " $* " == *" --crate-name $COUNT_CRATE "* ]]; then
    exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$COUNT_OUT" "$rustc" "$@" 2>"$COUNT_OUT.log"
fi
exec "$rustc" "$@"
