//! HTML -> lines of text: block elements become line breaks, scripts and styles are
//! dropped, entities decoded. The text is only ever shown as text.

pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "hr",
    "title",
    "dt",
    "dd",
];

pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        let name: String =
            tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        rest = &rest[gt + 1..];
        if !tag.starts_with('/') && matches!(name.as_str(), "script" | "style" | "head" | "template") {
            rest = close_tag(rest, &name).map_or("", |end| &rest[end..]);
            continue;
        }
        if name == "td" || name == "th" {
            out.push('\t');
        } else if BLOCK.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Where `</name` (in any case) begins. Searched in place: lower-casing the rest of the
/// file for each `<style>` made 300,000 of them quadratic.
fn close_tag(rest: &str, name: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut at = 0;
    while let Some(i) = rest[at..].find("</") {
        let start = at + i;
        if b.get(start + 2..start + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return collapse_ws(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The ';' of an entity within its first 12 characters (not bytes: "&æ…" is text).
        let end = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    collapse_ws(&out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "eacute" => 'é',
        "sect" => '§',
        _ => return None,
    })
}

/// Source line breaks inside HTML are spaces; only block elements break lines.
fn collapse_ws(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_next_to_danish_letters() {
        assert_eq!(decode_entities("&ææææææææææ; &amp; ø&"), "&ææææææææææ; & ø&");
    }

    #[test]
    fn blocks_become_lines_scripts_vanish() {
        let t = to_text("<html><head><title>x</title></head><body><h2>1. Godkendelse</h2><script>alert(1)</script><p>Sk&aelig;rt &amp;\nfint</p></body></html>");
        let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["1. Godkendelse", "Skært & fint"]);
        let t = to_text("<body><STYLE>p{}</Style><p>Æble</p><script>1</scriptx></SCRIPT>Pære</body>");
        let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Æble", "Pære"]);
    }
}
