//! The house has one-way floors: a module imports only modules on its own
//! floor or below, so data flows one way (plan → meeting → record →
//! documents → screens → commands). The floors are named in
//! docs/architecture.md; this keeps it so.

use std::path::Path;

/// From the ground up. A module may import its own floor and those below.
const FLOORS: [&[&str]; 13] = [
    &["text", "figures", "contrast"],
    &["plan"],
    &["agenda"],
    &["rehearsal"],
    &["meeting"],
    &["record"],
    &["left_open"],
    &["session"],
    &["export"],
    &["share"],
    &["cli", "tui"],
    &["commands"],
    &["main"],
];

/// Imports that run up a floor, each justified in docs/architecture.md.
const NAMED: [(&str, &str); 0] = [];

fn floor_of(module: &str) -> usize {
    FLOORS
        .iter()
        .position(|floor| floor.contains(&module))
        .unwrap_or_else(|| {
            panic!("src/{module} is on no floor: add it to FLOORS and docs/architecture.md")
        })
}

/// Every `crate::NAME` a file of `module` uses.
fn imports(path: &Path, found: &mut Vec<(String, String)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            imports(&entry.unwrap().path(), found);
        }
        return;
    }
    if path.extension().is_none_or(|e| e != "rs") {
        return;
    }
    let text = std::fs::read_to_string(path).unwrap();
    for (at, _) in text.match_indices("crate::") {
        let name: String = text[at + 7..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        found.push((path.display().to_string(), name));
    }
}

#[test]
fn no_module_imports_one_on_a_floor_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut up = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        if module == "lib" {
            continue;
        }
        let mut found = Vec::new();
        imports(&path, &mut found);
        for (file, target) in found {
            if target == module || NAMED.contains(&(module.as_str(), target.as_str())) {
                continue;
            }
            if floor_of(&target) > floor_of(&module) {
                up.push(format!(
                    "{file} imports crate::{target}, a floor above {module}"
                ));
            }
        }
    }
    up.sort();
    up.dedup();
    assert!(up.is_empty(), "imports that run up:\n{}", up.join("\n"));
}
