//! WCAG 2 contrast: how far apart two colours read, for the screen's
//! palette, the light-or-dark guess of a terminal and the printed minutes.

/// WCAG 2 relative luminance, 0 for black to 1 for white.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio, 1 to 21.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_figures() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        // xterm's cyan on white, as measured in issue 18.
        assert!((contrast((0, 0xcd, 0xcd), (255, 255, 255)) - 2.0).abs() < 0.05);
    }
}
