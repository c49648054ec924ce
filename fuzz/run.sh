#!/usr/bin/env bash
# Run one fuzz target for a bounded time, its corpus seeded from the test
# fixtures: fuzz/run.sh TARGET [SECONDS]   (default 60 seconds)
# Targets: plan_loader record journal_replay quick_capture config update_keys
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?"which target? plan_loader, record, journal_replay, quick_capture, config or update_keys"}
seconds=${2:-60}
corpus=corpus/$target
mkdir -p "$corpus"
fixtures=../tests/fixtures
case $target in
  plan_loader)
    for plan in "$fixtures"/valid/*.toml "$fixtures"/invalid/*.toml ../assets/*.toml; do
      # valid/starter.toml and assets/starter.toml: keep both.
      cp "$plan" "$corpus/$(basename "$(dirname "$plan")")-$(basename "$plan")"
    done ;;
  record)
    cp "$fixtures"/records/*.toml "$corpus"/ ;;
  journal_replay)
    cp "$fixtures"/records/*.journal "$corpus"/
    # The target also tries each line with its CRC made right: a seed
    # without CRCs lets it start from the entries themselves.
    cut -d' ' -f2- "$fixtures"/records/*.journal > "$corpus"/entries-without-crcs ;;
  quick_capture)
    cp "$fixtures"/capture/*.txt "$corpus"/ ;;
  config)
    cp ../config/config.toml "$corpus"/
    printf '[keys]\nquit = ["x"]\n\n[theme]\namber = "#ffaa00"\n' > "$corpus"/override.toml ;;
  update_keys)
    cp "$fixtures"/capture/*.txt "$corpus"/
    # An action typed and saved: NewAction, the text, Enter.
    printf '\x0bsend the plan\x50\x50' > "$corpus"/new-action ;;
  *)
    echo "no target named $target" >&2
    exit 2 ;;
esac
RUSTC_BOOTSTRAP=1 exec cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds"
