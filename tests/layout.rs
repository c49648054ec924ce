//! The release build lays the code a meeting runs side by side
//! (`link/meeting-start.ld`, read by `build.rs`). The script must outlive a
//! new toolchain or Cargo.lock: a crate hash left in a name would stop that
//! name matching after either, silently, and the binary would map twice
//! the code again.

use std::path::Path;

fn script() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/meeting-start.ld");
    std::fs::read_to_string(&path).expect("link/meeting-start.ld is there")
}

/// The patterns, one a line: `*(.text.NAME .text.NAME.* .text.unlikely.NAME .text.unlikely.NAME.*)`.
fn names(script: &str) -> Vec<&str> {
    script
        .lines()
        .filter_map(|line| line.trim().strip_prefix("*(.text."))
        .map(|rest| rest.split_whitespace().next().unwrap_or_default())
        .collect()
}

#[test]
fn the_layout_adds_to_the_linkers_own_and_names_the_meetings_path() {
    let script = script();
    assert!(
        script.contains("SECTIONS") && script.trim_end().ends_with("INSERT AFTER .init;"),
        "an INSERT script adds to the linker's own layout instead of replacing it"
    );
    let names = names(&script);
    assert!(names.len() > 500, "only {} functions laid out", names.len());
    for on_the_way in [
        "10resetpoint4main",
        "10resetpoint8commands3run4live",
        "10resetpoint3tui3app8run_loop",
        "10resetpoint3tui7screens6render",
        "10resetpoint4plan4load9read_file",
    ] {
        assert!(
            names.iter().any(|name| name.contains(on_the_way)),
            "{on_the_way} is not laid out with the meeting's code"
        );
    }
}

/// Whether `name` still holds a crate's hash: `Cs`, letters and digits,
/// `_`, then the length of the crate's name.
fn hashed(name: &str) -> bool {
    name.match_indices("Cs").any(|(at, _)| {
        let after = &name[at + 2..];
        let hash = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
                .len();
        hash > 0
            && after[hash..]
                .strip_prefix('_')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

#[test]
fn no_name_in_the_layout_carries_a_crate_hash() {
    let script = script();
    for line in script
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("*(.text."))
    {
        let name = names(line)[0];
        assert!(!hashed(name), "a crate hash left in {name}");
        let whole =
            format!("*(.text.{name} .text.{name}.* .text.unlikely.{name} .text.unlikely.{name}.*)");
        assert_eq!(
            line, whole,
            "laid out without its numbered copies or its cold part"
        );
    }
    assert!(hashed("_RNvCs9mQB95eiaAq_10resetpoint4main"));
    assert!(!hashed("_RNvCs*_10resetpoint4main"));
}
