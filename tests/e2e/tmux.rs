//! A real terminal for end-to-end tests: a private tmux server, one pane
//! running the real binary, `send-keys` to type and `capture-pane` to read.

// Each end-to-end test file uses its own part of this helper.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    _conf: tempfile::NamedTempFile,
    /// The pane's XDG_RUNTIME_DIR, so a meeting's follow socket is its own
    /// and never meets another test's, or a real meeting on this machine.
    runtime: tempfile::TempDir,
}

impl Tmux {
    /// Start `program args…` in a detached session of `width`×`height`.
    pub fn start(
        name: &str,
        width: u16,
        height: u16,
        dir: &Path,
        program: &str,
        args: &[&str],
    ) -> Tmux {
        // Tests of one binary run side by side and may share a name: a
        // number of their own keeps their tmux servers apart.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let socket = format!("resetpoint-{name}-{}-{n}", std::process::id());
        // Keep the pane after the program exits, to read how it left the
        // terminal; set before the program starts, as it may exit at once.
        let conf = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(conf.path(), "set-option -g remain-on-exit on\n").unwrap();
        let tmux = Tmux {
            socket,
            _conf: conf,
            runtime: tempfile::tempdir().unwrap(),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let runtime = format!("XDG_RUNTIME_DIR={}", tmux.runtime.path().display());
        let mut command = vec!["new-session", "-d", "-s", "main", "-x", &w, "-y", &h];
        command.extend(["-e", &runtime, "-c"]);
        let dir = dir.to_str().unwrap();
        command.push(dir);
        command.push(program);
        command.extend(args);
        let conf = tmux._conf.path().to_str().unwrap().to_owned();
        let mut with_conf = vec!["-f", conf.as_str()];
        with_conf.extend(command);
        tmux.ok(&with_conf);
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .env("TERM", "xterm-256color")
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Leave the meeting as a PM does: `q`, then `y` to leave it
    /// unfinished, or, at its last section, Enter (no next meeting agreed)
    /// to end it. Nothing when the program has already gone.
    pub fn quit_meeting(&self) {
        self.keys(&["q"]);
        let asked = self.wait_for("what q asks", |s| {
            s.contains("Leave now?") || s.contains("Ending:") || self.format("pane_dead") == "1"
        });
        if asked.contains("Leave now?") {
            self.keys(&["y"]);
        } else if asked.contains("Ending:") {
            self.keys(&["Enter"]);
        }
    }

    /// Set a tmux option for every window, such as `window-style`.
    pub fn option(&self, name: &str, value: &str) {
        self.ok(&["set-option", "-g", name, value]);
    }

    /// Type `text` literally.
    pub fn text(&self, text: &str) {
        self.ok(&["send-keys", "-t", "main", "-l", text]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        self.ok(&args);
    }

    pub fn screen(&self) -> String {
        self.ok(&["capture-pane", "-p", "-t", "main"])
    }

    /// `#{name}` of the pane, such as `alternate_on` or `pane_dead`.
    pub fn format(&self, name: &str) -> String {
        self.ok(&[
            "display-message",
            "-p",
            "-t",
            "main",
            &format!("#{{{name}}}"),
        ])
        .trim()
        .to_owned()
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.ok(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Wait until the screen satisfies `ready`; the screen as last seen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Wait for the shell to say the program ended with `status` (each
    /// pane runs `echo exit=$?` after it). A program killed in raw mode
    /// leaves the terminal without line ends turned into returns, so the
    /// shell's words start wherever the last frame left the cursor and may
    /// wrap at the edge: they are looked for with the lines joined.
    pub fn wait_for_exit(&self, status: i32) -> String {
        let said = format!("exit={status}");
        self.wait_for(&format!("the shell to say {said}"), |s| {
            s.replace('\n', "").contains(&said)
        })
    }

    /// The pane's own XDG_RUNTIME_DIR, where its meeting's socket is.
    pub fn runtime_dir(&self) -> &Path {
        self.runtime.path()
    }

    /// The pid of the program the shell in the pane started.
    pub fn child_pid(&self) -> String {
        let shell = self.format("pane_pid");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep runs");
        let pid = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        assert!(!pid.is_empty(), "no program under the shell {shell}");
        pid
    }

    pub fn wait_until_exited(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.format("pane_dead") != "1" {
            assert!(
                Instant::now() < deadline,
                "the program did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
