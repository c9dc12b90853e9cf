//! A document that is the same text several times over (a file concatenated with itself):
//! found by its opening, which a referat prints once.

/// The first copy and the number of copies, when `text` is one text repeated.
pub fn single_copy(text: &str) -> Option<(&str, usize)> {
    let start = text.len() - text.trim_start().len();
    let body = &text[start..];
    // The opening: the first 200 bytes of text (at a character boundary).
    let needle = &body[..crate::text::floor_boundary(body, 200)];
    if needle.trim().len() < 100 {
        return None;
    }
    let at: Vec<usize> = body.match_indices(needle).map(|(i, _)| i).take(100_000).collect();
    if at.len() < 2 {
        return None;
    }
    // Copies of one length, one after the other, and nothing longer left at the end.
    let period = at[1];
    let even = at.windows(2).all(|w| w[1] - w[0] == period);
    let tail = body.len() - at[at.len() - 1];
    if !even || tail > period + period / 10 {
        return None;
    }
    Some((&body[..period], at.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_not() {
        let one = format!("\n\n## REFERAT 2021\n{}", "KKR Nordjylland mødtes og drøftede sagerne. ".repeat(10));
        let many = one.repeat(7);
        let (copy, count) = single_copy(&many).unwrap();
        assert_eq!(count, 7);
        assert_eq!(copy.trim(), one.trim());
        assert!(single_copy(&one).is_none());
    }
}
