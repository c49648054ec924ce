//! A plan path that is not a plain file: a FIFO (or a device) given as the
//! plan is refused at once with a message, never read until something
//! writes to it.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_resetpoint");

#[test]
fn a_fifo_given_as_the_plan_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for command in ["check", "actions", "history"] {
        let mut child = Command::new(BIN)
            .arg(command)
            .arg(&fifo)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Without the check the binary would block on the open forever.
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(20) {
                child.kill().unwrap();
                panic!("`{command}` waited on the FIFO");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let out = child.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!status.success(), "{command}: {said}");
        assert!(said.contains("not a regular file"), "{command}: {said}");
    }
}
