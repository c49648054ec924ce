//! The two hostile shapes `benches/check_hostile.py` times, checked for
//! what they say: every unknown key is named at its own line, and every
//! objective's jargon at the term itself, however many there are.

#[test]
fn every_unknown_key_is_named_at_its_line() {
    let n = 300;
    let mut text = String::from("[project]\nname = \"P\"\ncustomer = \"C\"\n");
    for i in 0..n {
        text.push_str(&format!("unknown_key_{i} = {i}\n"));
    }
    let checked = resetpoint::plan::load_bytes("p.toml", text.as_bytes());
    let unknown: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "unknown-key")
        .collect();
    assert_eq!(unknown.len(), n);
    let mut seen = Vec::new();
    for d in unknown {
        let span = d.span.clone().expect("placed");
        let place = checked.source.place(span.start);
        let key = &checked.source.text[span];
        let i: usize = key.trim_start_matches("unknown_key_").parse().unwrap();
        assert_eq!((place.line, place.column), (i + 4, 1), "{}", d.message);
        assert!(d.message.contains(&format!("`{key}`")), "{}", d.message);
        seen.push(i);
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..n).collect::<Vec<_>>(), "each named once");
}

#[test]
fn every_term_is_pointed_at_in_its_own_objective() {
    let n = 300;
    let terms: Vec<String> = (0..n).map(|i| format!("T{i}x = \"term {i}\"")).collect();
    let objectives: Vec<String> = (0..n)
        .map(|i| format!("\"We deliver T{i}x on time\""))
        .collect();
    let text = format!(
        "[project]\nname = \"P\"\ncustomer = \"C\"\nglossary = {{ {} }}\nobjectives = [\n{}\n]\n",
        terms.join(", "),
        objectives.join(",\n")
    );
    let checked = resetpoint::plan::load_bytes("p.toml", text.as_bytes());
    let jargon: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "jargon")
        .collect();
    assert_eq!(jargon.len(), n);
    let mut lines: Vec<usize> = jargon
        .iter()
        .map(|d| {
            let span = d.span.clone().expect("placed");
            let term = &checked.source.text[span.clone()];
            assert!(
                d.message.contains(&format!("\"{term}\"")),
                "{} at {term}",
                d.message
            );
            checked.source.place(span.start).line
        })
        .collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        (6..6 + n).collect::<Vec<_>>(),
        "one objective a line"
    );
}
