//! What a font's codes mean: a ToUnicode CMap, or a simple font's encoding, and how wide
//! each glyph is (in thousandths of the font size).

use std::collections::HashMap;

use super::object::{Budget, Dict, Obj, Parser};

/// What one CMap or width entry costs of the budget (about its size in a map).
const ENTRY_COST: usize = 48;

pub struct Font {
    /// Bytes per code: 2 for Identity-H and other two-byte CMaps, else 1.
    pub code_len: usize,
    to_unicode: HashMap<u32, String>,
    simple: Option<[char; 256]>,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl Font {
    /// A font whose codes are read as Windows-1252 (what an unknown simple font most
    /// likely is).
    pub fn fallback() -> Font {
        Font { code_len: 1, to_unicode: HashMap::new(), simple: Some(win_ansi()), widths: HashMap::new(), default_width: 500.0 }
    }

    /// `resolve` follows references; `decode` unpacks a stream's data.
    pub fn from_dict<'d>(
        d: &'d Dict,
        resolve: &dyn Fn(&'d Obj) -> Option<&'d Obj>,
        decode: &dyn Fn(&Obj) -> Option<Vec<u8>>,
        budget: &Budget,
    ) -> Font {
        let get = |k: &str| d.get(k.as_bytes()).and_then(resolve);
        let subtype = get("Subtype").and_then(|o| o.as_name().map(<[u8]>::to_vec)).unwrap_or_default();
        let mut font = Font::fallback();
        let type0 = subtype == b"Type0";
        if type0 {
            font.code_len = 2;
            font.simple = None;
            font.default_width = 1000.0;
            if let Some(desc) = get("DescendantFonts").and_then(|a| a.as_array().and_then(|a| a.first())).and_then(resolve) {
                if let Some(dd) = desc.as_dict() {
                    if let Some(dw) = dd.get(b"DW".as_slice()).and_then(resolve).and_then(|o| o.as_num()) {
                        font.default_width = dw;
                    }
                    if let Some(w) = dd.get(b"W".as_slice()).and_then(resolve) {
                        font.widths = cid_widths(w, resolve, budget);
                    }
                }
            }
        } else {
            let first = get("FirstChar").and_then(|o| o.as_num()).unwrap_or(0.0) as u32;
            if let Some(ws) = get("Widths") {
                // A simple font has 256 codes; a longer list is not read past them.
                for (i, w) in ws.as_array().unwrap_or(&[]).iter().take(256).enumerate() {
                    if let (Some(v), Some(code)) = (resolve(w).and_then(|o| o.as_num()), first.checked_add(i as u32)) {
                        font.widths.insert(code, v);
                    }
                }
            }
            font.simple = Some(simple_encoding(get("Encoding"), resolve));
        }
        if let Some(cmap) = get("ToUnicode").and_then(decode) {
            let (map, len) = parse_cmap(&cmap, budget);
            if !map.is_empty() {
                font.to_unicode = map;
                if let Some(l) = len {
                    font.code_len = l;
                }
            }
        }
        font
    }

    /// The codes of a shown string, each given to `f` with its text and width (and whether
    /// it is a space), without collecting them: a long string is not held twice.
    pub fn each_glyph(&self, s: &[u8], mut f: impl FnMut(&str, f64, bool)) {
        let mut buf = [0u8; 4];
        for c in s.chunks(self.code_len.max(1)) {
            let code = c.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            let text = match self.to_unicode.get(&code) {
                Some(t) => t.as_str(),
                None => match (&self.simple, c.len()) {
                    (Some(table), 1) => table[c[0] as usize].encode_utf8(&mut buf),
                    _ => "",
                },
            };
            let width = self.widths.get(&code).copied().unwrap_or(self.default_width);
            f(text, width, c.len() == 1 && code == 32);
        }
    }
}

/// A CID font's /W: `c [w1 w2 ...]` and `c_first c_last w`. Codes near the top of the
/// range (4294967295) end the list rather than wrap around.
fn cid_widths<'d>(w: &'d Obj, resolve: &dyn Fn(&'d Obj) -> Option<&'d Obj>, budget: &Budget) -> HashMap<u32, f64> {
    const MAX: usize = 70_000;
    let mut out = HashMap::new();
    let items: Vec<&Obj> = w.as_array().unwrap_or(&[]).iter().filter_map(resolve).collect();
    let mut i = 0;
    while i < items.len() && out.len() < MAX {
        let Some(first) = items[i].as_num() else { break };
        let first = first as u32;
        match items.get(i + 1) {
            Some(Obj::Array(ws)) => {
                for (k, w) in ws.iter().take(MAX).enumerate() {
                    let (Some(v), Some(c)) = (w.as_num(), first.checked_add(k as u32)) else { continue };
                    if !budget.take(ENTRY_COST) {
                        return out;
                    }
                    out.insert(c, v);
                }
                i += 2;
            }
            Some(Obj::Num(last)) => {
                let width = items.get(i + 2).and_then(|o| o.as_num()).unwrap_or(1000.0);
                for c in first..=(*last as u32).min(first.saturating_add(65_535)) {
                    if out.len() >= MAX || !budget.take(ENTRY_COST) {
                        return out;
                    }
                    out.insert(c, width);
                }
                i += 3;
            }
            _ => break,
        }
    }
    out
}

fn win_ansi() -> [char; 256] {
    std::array::from_fn(|b| crate::ingest::decode::cp1252(b as u8))
}

/// A simple font's encoding: WinAnsi unless it says otherwise, with its /Differences.
fn simple_encoding<'d>(enc: Option<&'d Obj>, resolve: &dyn Fn(&'d Obj) -> Option<&'d Obj>) -> [char; 256] {
    let mut table = win_ansi();
    if let Some(Obj::Dict(d)) = enc {
        if let Some(Obj::Array(diffs)) = d.get(b"Differences".as_slice()).and_then(resolve) {
            let mut code = 0usize;
            for item in diffs {
                match item {
                    // Codes past 255 name no slot; 1e20 saturates and stays past them.
                    Obj::Num(n) => code = *n as usize,
                    Obj::Name(name) => {
                        if let (Some(slot), Some(c)) = (table.get_mut(code), glyph_char(name)) {
                            *slot = c;
                        }
                        code = code.saturating_add(1);
                    }
                    _ => {}
                }
            }
        }
    }
    table
}

/// Glyph names as Differences arrays use them: letters, digits, Danish letters, the
/// punctuation of running text, and "uniXXXX".
fn glyph_char(name: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(name).ok()?;
    if s.chars().count() == 1 && s.chars().all(|c| c.is_ascii_alphabetic()) {
        return s.chars().next();
    }
    if let Some(hex) = s.strip_prefix("uni").filter(|h| h.len() == 4) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    const DIGITS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    if let Some(d) = DIGITS.iter().position(|d| *d == s) {
        return char::from_digit(d as u32, 10);
    }
    Some(match s {
        "ae" => 'æ',
        "AE" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "eacute" => 'é',
        "Eacute" => 'É',
        "udieresis" => 'ü',
        "odieresis" => 'ö',
        "adieresis" => 'ä',
        "space" | "nbspace" => ' ',
        "period" => '.',
        "comma" => ',',
        "colon" => ':',
        "semicolon" => ';',
        "hyphen" | "minus" => '-',
        "endash" => '–',
        "emdash" => '—',
        "parenleft" => '(',
        "parenright" => ')',
        "slash" => '/',
        "quoteright" | "quotesingle" => '’',
        "quoteleft" => '‘',
        "quotedbl" => '"',
        "quotedblleft" => '“',
        "quotedblright" => '”',
        "percent" => '%',
        "ampersand" => '&',
        "question" => '?',
        "exclam" => '!',
        "bullet" => '•',
        "section" => '§',
        "at" => '@',
        "plus" => '+',
        "equal" => '=',
        "underscore" => '_',
        "ellipsis" => '…',
        _ => return None,
    })
}

/// A ToUnicode CMap: code -> text, and the code length its codespace gives.
pub fn parse_cmap(data: &[u8], budget: &Budget) -> (HashMap<u32, String>, Option<usize>) {
    // More entries than any font has glyphs, and more operands than a block holds (a
    // CMap block may hold 100 entries; producers write more, never thousands).
    const MAX_ENTRIES: usize = 200_000;
    const MAX_OPERANDS: usize = 30_000;
    let mut map = HashMap::new();
    let mut code_len = None;
    let mut p = Parser::new(data, 0, budget);
    let mut operands: Vec<Obj> = Vec::new();
    // A map full to MAX_ENTRIES spends the budget: the text is then cut, and said so,
    // rather than read as having no text layer.
    let room = |map: &HashMap<u32, String>| {
        if map.len() >= MAX_ENTRIES {
            budget.exhaust();
        }
        map.len() < MAX_ENTRIES && budget.take(ENTRY_COST)
    };
    while p.pos < data.len() && map.len() < MAX_ENTRIES && !budget.spent() {
        p.skip_ws();
        let before = p.pos;
        let starts_object = matches!(data.get(p.pos), Some(b'<' | b'[' | b'(' | b'/') | Some(b'0'..=b'9'));
        if starts_object {
            if let Some(o) = p.object() {
                if operands.len() < MAX_OPERANDS {
                    operands.push(o);
                }
            }
        } else {
            let word = p.word();
            match word {
                b"endcodespacerange" => {
                    if let Some(Obj::Str(lo)) = operands.first() {
                        code_len = Some(lo.len().clamp(1, 4));
                    }
                }
                b"endbfchar" => {
                    for pair in operands.chunks(2) {
                        if let [Obj::Str(src), Obj::Str(dst)] = pair {
                            if !room(&map) {
                                break;
                            }
                            map.insert(code(src), utf16(dst));
                        }
                    }
                }
                b"endbfrange" => {
                    for triple in operands.chunks(3) {
                        let [Obj::Str(lo), Obj::Str(hi), dst] = triple else { continue };
                        let (lo, hi) = (code(lo), code(hi));
                        if hi < lo || hi - lo > 65_535 {
                            continue;
                        }
                        match dst {
                            Obj::Str(d) => {
                                let base = utf16_units(d);
                                for (k, c) in (lo..=hi).enumerate() {
                                    if !room(&map) {
                                        break;
                                    }
                                    let mut units = base.clone();
                                    if let Some(last) = units.last_mut() {
                                        *last = last.wrapping_add(k as u16);
                                    }
                                    map.insert(c, String::from_utf16_lossy(&units));
                                }
                            }
                            Obj::Array(list) => {
                                for (c, d) in (lo..=hi).zip(list) {
                                    if let Obj::Str(d) = d {
                                        if !room(&map) {
                                            break;
                                        }
                                        map.insert(c, utf16(d));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
            if word.starts_with(b"begin") || word.starts_with(b"end") {
                operands.clear();
            }
            if p.pos == before {
                p.pos += 1;
            }
        }
    }
    (map, code_len)
}

fn code(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |acc, x| (acc << 8) | u32::from(*x))
}

fn utf16_units(b: &[u8]) -> Vec<u16> {
    b.chunks(2).map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0))).collect()
}

fn utf16(b: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_chars_and_ranges() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <00F8> endbfchar
            1 beginbfrange <0024> <0026> <0041> endbfrange
            1 beginbfrange <0030> <0031> [<00E6> <00E5>] endbfrange";
        let (map, len) = parse_cmap(cmap, &Budget::new(1 << 20));
        assert_eq!(len, Some(2));
        assert_eq!(map[&0x11], "ø");
        assert_eq!(map[&0x25], "B");
        assert_eq!(map[&0x31], "å");
        assert_eq!(map[&0x03], " ");
    }
}
