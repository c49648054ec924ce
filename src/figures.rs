//! How figures read to a customer: money with thousands separators, ratios
//! with two decimals, and "n/a" for a figure that cannot be worked out.

/// `1234567.8` → `1,234,568`; negative amounts keep their sign.
pub fn thousands(amount: f64) -> String {
    let rounded = amount.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// An amount in the plan's currency, or "n/a".
pub fn money(amount: Option<f64>, currency: &str) -> String {
    match amount {
        Some(a) if a.is_finite() => format!("{currency} {}", thousands(a)),
        _ => "n/a".to_owned(),
    }
}

/// An index such as CPI to two decimals, or "n/a".
pub fn ratio(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v:.2}"),
        _ => "n/a".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_like_money() {
        assert_eq!(thousands(480000.0), "480,000");
        assert_eq!(thousands(-65454.5), "-65,455");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(money(Some(1234.0), "EUR"), "EUR 1,234");
        assert_eq!(money(None, "EUR"), "n/a");
        assert_eq!(money(Some(f64::INFINITY), "EUR"), "n/a");
    }

    #[test]
    fn ratios_never_show_inf_or_nan() {
        assert_eq!(ratio(Some(0.8831)), "0.88");
        assert_eq!(ratio(Some(f64::NAN)), "n/a");
        assert_eq!(ratio(None), "n/a");
    }
}
