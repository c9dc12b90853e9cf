//! Markdown and inline HTML out of a line: `#` headings, `**bold**`, `*italic*`,
//! `<b>`, `<sub>`, escapes. What remains is the text a reader sees.

use std::borrow::Cow;

/// Returns the visible text, the Markdown heading level, and whether the whole line was bold.
/// A line with no markup and tidy spacing (most lines) is returned borrowed.
pub fn strip_markup(raw: &str) -> (Cow<'_, str>, u8, bool) {
    let mut s = raw.trim();
    // Most lines have no markup at all: only their spacing needs tidying.
    // (By byte: the marks are ASCII, and a char-set search decodes every character.)
    if !s.bytes().any(|b| matches!(b, b'#' | b'*' | b'_' | b'<' | b'\\')) {
        return (collapse_spaces(s), 0, false);
    }
    let mut heading = 0u8;
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with([' ', '\t']) {
        heading = hashes as u8;
        s = s[hashes..].trim();
    }
    let strong = is_wrapped(s, "**") || is_wrapped(s, "__") || {
        let lower = s.to_ascii_lowercase();
        lower.starts_with("<b>") && lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace()).ends_with("</b>")
    };
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '<' if is_tag_at(&chars, i) => {
                while i < chars.len() && chars[i] != '>' {
                    i += 1;
                }
            }
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 1;
            }
            '*' | '_' if is_emphasis(&chars, i) => {}
            _ => out.push(c),
        }
        i += 1;
    }
    (Cow::Owned(collapse_spaces(&out).into_owned()), heading, strong)
}

/// Runs of white space become one space, or one tab where the run held a tab (table cells).
fn collapse_spaces(s: &str) -> Cow<'_, str> {
    let s = s.trim();
    // One pass over the bytes: a tab, a non-breaking space (C2 A0) or two spaces in a row.
    let b = s.as_bytes();
    let untidy = b.iter().enumerate().any(|(i, &c)| {
        c == b'\t' || c == b'\r' || c == b'\n' || (c == b' ' && b.get(i + 1) == Some(&b' ')) || (c == 0xC2 && b.get(i + 1) == Some(&0xA0))
    });
    if !untidy {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut run: Option<char> = None;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            run = Some(if c == '\t' || run == Some('\t') { '\t' } else { ' ' });
        } else {
            if let Some(r) = run.take() {
                out.push(r);
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_wrapped(s: &str, mark: &str) -> bool {
    s.len() > 2 * mark.len() && s.starts_with(mark) && s.ends_with(mark)
}

/// Formatting tags that converters leave in Markdown (`<b>`, `</sub>`, `<br/>`). Any
/// other "<...>" is the document's own text and stays, character for character: a
/// referat that quotes `<script>` shows `<script>`.
const FORMATTING_TAGS: &[&str] = &["b", "i", "u", "em", "strong", "sub", "sup", "br", "span", "font", "small", "mark", "s"];

fn is_tag_at(chars: &[char], i: usize) -> bool {
    let rest = chars.get(i + 1..).unwrap_or(&[]);
    let rest = rest.strip_prefix(&['/']).unwrap_or(rest);
    let name: String = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    let after = rest.get(name.len()).copied().unwrap_or(' ');
    FORMATTING_TAGS.contains(&name.as_str()) && matches!(after, '>' | ' ' | '/') && chars[i..].iter().take(64).any(|&c| c == '>')
}

/// An emphasis marker touches a word on one side and not on the other (or is doubled).
/// "FGU'erne" keeps its apostrophe; "nr_1" and "2 * 3" keep theirs.
fn is_emphasis(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = if i == 0 { ' ' } else { chars[i - 1] };
    let next = chars.get(i + 1).copied().unwrap_or(' ');
    if prev == c || next == c {
        return true;
    }
    let word = |x: char| x.is_alphanumeric() || x.is_ascii_punctuation() || !x.is_ascii();
    let before = word(prev) && prev != c;
    let after = word(next) && next != c;
    if c == '*' && i == 0 && next == ' ' {
        return false; // a list bullet
    }
    before != after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_go() {
        assert_eq!(strip_markup("## **3.3. Evaluering af KKR**"), ("3.3. Evaluering af KKR".into(), 2, true));
        assert_eq!(strip_markup("<b>2. Siden sidst.....</b>\t<b>5</b>").0, "2. Siden sidst.....\t5");
        assert_eq!(strip_markup("lagring af CO<sub>2</sub>.").0, "lagring af CO2.");
        assert_eq!(strip_markup("*BRN.* Mogens Christen Gade").0, "BRN. Mogens Christen Gade");
        assert_eq!(strip_markup("**KKR Nordjylland** drøftede oplægget.").0, "KKR Nordjylland drøftede oplægget.");
        assert_eq!(strip_markup("FGU'erne og 2 * 3").0, "FGU'erne og 2 * 3");
        assert_eq!(
            strip_markup("<script>alert(1)</script> og <img src=x onerror=alert(1)>").0,
            "<script>alert(1)</script> og <img src=x onerror=alert(1)>"
        );
    }
}
