//! An idle meeting draws its first frame once: nothing is drawn again
//! until something on the screen changes (the clock's next second at the
//! soonest), so the first moments cost the laptop one frame, not two.

use std::time::{Duration, Instant};

use crate::pty::{demo_meeting, open_pty, read_for, read_until};

/// What ends every frame: the cursor hidden again once the cells are sent.
const FRAME_END: &str = "\x1b[?25l";

#[test]
fn an_idle_meeting_draws_its_first_frame_once() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = open_pty();
    let mut child = demo_meeting(&pty, home.path(), false);
    // The clock's first tick comes a second after the meeting's first
    // frame, and so more than a second after the start.
    let before_any_tick = Instant::now() + Duration::from_millis(950);
    // The welcome screen, settled: the earlier meetings read (there are
    // none), and the frame that says so sent whole.
    let mut seen = String::from_utf8_lossy(&read_until(&mut pty, "pulse")).into_owned();
    let settled = seen.find("pulse").unwrap();
    while !seen[settled..].contains(FRAME_END) {
        seen.push_str(&String::from_utf8_lossy(&read_for(
            &mut pty,
            Instant::now() + Duration::from_millis(20),
        )));
    }
    let after = settled + seen[settled..].find(FRAME_END).unwrap() + FRAME_END.len();
    let mut drawn_again = seen[after..].to_owned();
    drawn_again.push_str(&String::from_utf8_lossy(&read_for(
        &mut pty,
        before_any_tick,
    )));
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        drawn_again.is_empty(),
        "nothing changed, yet the screen was sent again: {drawn_again:?}"
    );
}
