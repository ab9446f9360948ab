#!/usr/bin/env bash
# Generates and compiles WHOLE schema folders (by default the two Speakeasy corpora in
# ../shared/corpus) with `include_schemas!`, and prints for each: the number of types, the
# lines of expanded code per type, the wall time of the build and the peak memory (max RSS of
# the largest process, i.e. rustc).
#
#   scripts/compile-corpus.sh [--clippy] [--release] [--plain-derive] [SCHEMA_DIR...]
#
# Each folder gets a scratch crate in target/corpus-compile/whole-<name>/ whose src/lib.rs is
# `llm_usage::include_schemas!("<abs path>");`. All of them share one target dir,
# target/corpus-compile/target, so dependencies are built once (and before the timed build).
# --clippy also runs `cargo clippy -- -D warnings` on each crate (timed the same way).
# --plain-derive builds the baseline instead, in plain-<name>/: the same types written the
# plain serde way (`llm-usage expand --plain-derive`: derives, no unknown-field capture) as
# the crate's source. Timings report rustc's user+sys CPU time besides the wall time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/target/corpus-compile"
export CARGO_TARGET_DIR="$work/target"

clippy=0
plain=0
profile_flag=()
dirs=()
for arg in "$@"; do
    case "$arg" in
        --clippy) clippy=1 ;;
        --release) profile_flag=(--release) ;;
        --plain-derive) plain=1 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) dirs+=("$(cd "$arg" && pwd)") ;;
    esac
done
if [ ${#dirs[@]} -eq 0 ]; then
    corpus="$root/../shared/corpus/speakeasy"
    dirs=("$corpus/orq-python/docs/models" "$corpus/orq-node/docs/models")
fi

if [ ! -x /usr/bin/time ]; then
    echo "compile-corpus: /usr/bin/time (GNU time) is needed for the peak memory" >&2
    exit 2
fi

# The command-line tool, for the expanded line count.
cargo build --quiet --release -p llm-usage --features cli --bin llm-usage --manifest-path "$root/Cargo.toml"
cli="$CARGO_TARGET_DIR/release/llm-usage"

status=0
for dir in "${dirs[@]}"; do
    # orq-python/docs/models → orq-python
    name="$(basename "$(dirname "$(dirname "$dir")")")"
    [ "$(basename "$dir")" = models ] || name="$(basename "$dir")"
    kind=whole
    [ "$plain" = 1 ] && kind=plain
    crate="$work/$kind-$name"
    mkdir -p "$crate/src"
    cat > "$crate/Cargo.toml" <<EOF
[package]
name = "corpus-$kind-$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-')"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
llm-usage = { path = "$root/core" }

# Not a member of the llm-usage workspace this folder sits in.
[workspace]
EOF
    # Written afresh on each run, so the timed build below always compiles the crate.
    if [ "$plain" = 1 ]; then
        "$cli" expand --plain-derive "$dir" > "$crate/src/lib.rs"
    else
        printf '//! Every type of `%s`.\nllm_usage::include_schemas!("%s");\n' "$dir" "$dir" > "$crate/src/lib.rs"
    fi
    # The workspace's dependency versions.
    cp "$root/Cargo.lock" "$crate/Cargo.lock"

    echo "== $name: $dir"
    types="$("$cli" check "$dir" | tail -n 1)"
    lines="$("$cli" expand "$dir" | wc -l)"
    echo "   $types"
    ntypes="$(echo "$types" | sed -E 's/.* ([0-9]+) types.*/\1/')"
    echo "   expanded (prettyplease): $lines lines, $((lines / (ntypes > 0 ? ntypes : 1))) per type"

    # Dependencies first, untimed.
    cargo build --quiet "${profile_flag[@]}" --manifest-path "$crate/Cargo.toml" -p llm-usage

    run() {
        local what="$1"; shift
        local log="$crate/$what.log"
        if /usr/bin/time -v -o "$crate/$what.time" "$@" > "$log" 2>&1; then
            echo "   $what: ok"
        else
            echo "   $what: FAILED (first errors below, full log in $log)"
            grep -E -A 12 '^(error|warning)' "$log" | head -n 80
            status=1
        fi
        local user sys
        user="$(grep 'User time' "$crate/$what.time" | sed 's/.*: //')"
        sys="$(grep 'System time' "$crate/$what.time" | sed 's/.*: //')"
        echo "   $what: wall $(grep 'Elapsed (wall clock)' "$crate/$what.time" | sed 's/.*: //'), cpu ${user}s user + ${sys}s sys, peak RSS $(( $(grep 'Maximum resident' "$crate/$what.time" | sed 's/.*: //') / 1024 )) MiB"
    }
    run build cargo build "${profile_flag[@]}" --manifest-path "$crate/Cargo.toml"
    if [ "$clippy" = 1 ]; then
        touch "$crate/src/lib.rs"
        run clippy cargo clippy "${profile_flag[@]}" --manifest-path "$crate/Cargo.toml" -- -D warnings
    fi
done
exit "$status"
