//! Lays the code a meeting runs side by side in the release binary.
//!
//! The kernel maps a program's code 64 KiB at a time around each page it
//! touches; with the start-up functions spread over the whole binary, a
//! meeting mapped 4.9 MiB of code, and about 2 MiB with them placed first
//! (docs/performance.md). `link/meeting-start.ld`, written by
//! `scripts/meeting-start.py`, names those functions; GNU ld and LLD both
//! read it. A build that brings its own linker or link arguments is left
//! as it is: the layout changes how much is mapped, never what runs.
use std::env;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=link/meeting-start.ld");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    let release = env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let linux = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let own_linker = env::var_os("RUSTC_LINKER").is_some()
        || env::var("CARGO_ENCODED_RUSTFLAGS").is_ok_and(|flags| flags.contains("link"));
    if release && linux && !own_linker {
        let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        let script = Path::new(&manifest).join("link").join("meeting-start.ld");
        println!("cargo::rustc-link-arg-bins=-Wl,-T,{}", script.display());
    }
}
