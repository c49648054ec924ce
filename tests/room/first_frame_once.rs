//! An idle meeting draws its first frame once: nothing is drawn again
//! until something on the screen changes (the clock's next second at the
//! soonest), so the first moments cost the laptop one frame, not two. A
//! terminal that answers the background question at once gets that one
//! frame in its own colours, light or dark.

use std::io::Write as _;
use std::time::{Duration, Instant};

use crate::pty::{Pty, demo_meeting, open_pty, read_for, read_until};

/// What ends every frame: the cursor hidden again once the cells are sent.
const FRAME_END: &str = "\x1b[?25l";

/// What the program draws until the welcome screen is settled (the
/// earlier meetings read: there are none) and the frame that says so is
/// sent whole; and what it drew after that frame, if anything yet.
fn until_settled(pty: &mut Pty) -> (String, String) {
    let mut seen = String::from_utf8_lossy(&read_until(pty, "pulse")).into_owned();
    let settled = seen.find("pulse").unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !seen[settled..].contains(FRAME_END) {
        assert!(Instant::now() < deadline, "the frame never ended: {seen:?}");
        let more = read_for(pty, Instant::now() + Duration::from_millis(20));
        seen.push_str(&String::from_utf8_lossy(&more));
    }
    let end = settled + seen[settled..].find(FRAME_END).unwrap() + FRAME_END.len();
    let after = seen.split_off(end);
    (seen, after)
}

#[test]
fn an_idle_meeting_draws_its_first_frame_once() {
    let home = tempfile::tempdir().unwrap();
    let mut pty = open_pty();
    let mut child = demo_meeting(&pty, home.path(), false);
    // The clock's first tick comes a second after the meeting's first
    // frame, and so more than a second after the start.
    let before_any_tick = Instant::now() + Duration::from_millis(950);
    let (drawn, mut drawn_again) = until_settled(&mut pty);
    // Asked and never answered, the frame is in colours that read on any
    // background: none of the dark palette's greys and blues.
    assert!(
        !drawn.contains("38;5;248") && !drawn.contains("38;5;117"),
        "{drawn:?}"
    );
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

/// The bytes of the first frame when the terminal answers the background
/// question with `colour` at once. The answer is put in the terminal's
/// input before the question is even asked, where the program finds it
/// as soon as it asks, however busy the machine.
fn first_frame_answering(colour: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut pty = open_pty();
    let answer = format!("\x1b]11;rgb:{colour}\x1b\\");
    pty.ours.write_all(answer.as_bytes()).unwrap();
    let mut child = demo_meeting(&pty, home.path(), false);
    let (drawn, _) = until_settled(&mut pty);
    let _ = child.kill();
    let _ = child.wait();
    drawn
}

#[test]
fn the_first_frame_is_drawn_once_in_the_colours_the_terminal_answers() {
    // The muted grey of each palette: 240 reads on white, 248 on black.
    for (colour, ours, not_ours) in [
        ("ffff/ffff/ffff", "38;5;240", "38;5;248"),
        ("0000/0000/0000", "38;5;248", "38;5;240"),
    ] {
        let frame = first_frame_answering(colour);
        assert_eq!(frame.matches(FRAME_END).count(), 1, "one frame: {frame:?}");
        assert!(
            frame.contains(ours) && !frame.contains(not_ours),
            "the colours of a {colour} background: {frame:?}"
        );
    }
}
