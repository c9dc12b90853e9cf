//! PDF objects and a tolerant parser for them. Every read is bounds-checked: a damaged
//! file yields fewer objects, never a panic.

use std::cell::Cell;
use std::collections::HashMap;

/// One allowance of work for a whole document, drawn on by every loop that a file can make
/// long: bytes inflated or copied, objects parsed, operators run, CMap entries. A unit is
/// about a byte allocated or a few nanoseconds of work. Because every page, every shared
/// stream and every level of recursion draws on the same allowance, sharing, repeating or
/// recursing cannot multiply the work a file costs.
pub struct Budget {
    left: Cell<usize>,
    spent: Cell<bool>,
}

impl Budget {
    pub fn new(units: usize) -> Budget {
        Budget { left: Cell::new(units), spent: Cell::new(false) }
    }

    /// Takes `units`; `false` once the allowance is spent, and from then on.
    pub fn take(&self, units: usize) -> bool {
        match self.left.get().checked_sub(units) {
            Some(left) if !self.spent.get() => {
                self.left.set(left);
                true
            }
            _ => {
                self.left.set(0);
                self.spent.set(true);
                false
            }
        }
    }

    pub fn left(&self) -> usize {
        self.left.get()
    }

    /// Spends what is left: a bound of its own (a CMap's entries, a chain of references)
    /// was reached, and the document is read no further than this.
    pub fn exhaust(&self) {
        self.left.set(0);
        self.spent.set(true);
    }

    pub fn spent(&self) -> bool {
        self.spent.get()
    }
}

/// What a parsed object costs: its own size; strings and streams add their bytes.
pub const OBJ_COST: usize = std::mem::size_of::<Obj>();

#[derive(Debug, Clone, PartialEq)]
pub enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
    Stream(Dict, Vec<u8>),
}

pub type Dict = HashMap<Vec<u8>, Obj>;

impl Obj {
    pub fn as_num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

pub fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'\0')
}

pub fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// A cursor over bytes that parses objects. Depth is bounded against hostile nesting.
pub struct Parser<'a> {
    pub b: &'a [u8],
    pub pos: usize,
    budget: &'a Budget,
    /// Where each "endstream" is, found once when a stream first needs it: searching from
    /// each "stream" keyword would be quadratic in a file of streams without an end.
    endstreams: Option<Vec<usize>>,
}

const MAX_DEPTH: usize = 64;

impl<'a> Parser<'a> {
    pub fn new(b: &'a [u8], pos: usize, budget: &'a Budget) -> Self {
        Parser { b, pos, budget, endstreams: None }
    }

    /// The first "endstream" at or after `from`.
    fn endstream_after(&mut self, from: usize) -> Option<usize> {
        let b = self.b;
        let all = self.endstreams.get_or_insert_with(|| {
            let mut at = Vec::new();
            let mut i = 0;
            while let Some(k) = find(&b[i..], b"endstream") {
                at.push(i + k);
                i += k + 9;
            }
            at
        });
        all.get(all.partition_point(|&e| e < from)).copied()
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    pub fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A bare word: a number, keyword or operator.
    pub fn word(&mut self) -> &'a [u8] {
        if self.pos >= self.b.len() {
            self.pos = self.b.len();
            return &[];
        }
        let start = self.pos;
        while let Some(c) = self.peek() {
            if is_white(c) || is_delim(c) {
                break;
            }
            self.pos += 1;
        }
        &self.b[start..self.pos]
    }

    pub fn object(&mut self) -> Option<Obj> {
        self.object_at(0)
    }

    fn object_at(&mut self, depth: usize) -> Option<Obj> {
        if depth > MAX_DEPTH || !self.budget.take(OBJ_COST) {
            return None;
        }
        self.skip_ws();
        match self.peek()? {
            b'/' => {
                self.pos += 1;
                let w = self.word();
                self.budget.take(w.len()).then(|| Obj::Name(name_bytes(w)))
            }
            b'(' => {
                let s = self.literal_string();
                self.budget.take(s.len()).then_some(Obj::Str(s))
            }
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let dict = self.dict_body(depth)?;
                self.maybe_stream(dict)
            }
            b'<' => {
                let s = self.hex_string();
                self.budget.take(s.len()).then_some(Obj::Str(s))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    if self.budget.spent() {
                        return Some(Obj::Array(items));
                    }
                    match self.peek() {
                        None => return Some(Obj::Array(items)),
                        Some(b']') => {
                            self.pos += 1;
                            return Some(Obj::Array(items));
                        }
                        _ => {
                            let before = self.pos;
                            match self.object_at(depth + 1) {
                                Some(o) => items.push(o),
                                None if self.pos == before => self.pos += 1,
                                None => {}
                            }
                        }
                    }
                }
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                None
            }
            _ => {
                let w = self.word();
                if w.is_empty() {
                    self.pos += 1;
                    return None;
                }
                match w {
                    b"null" => Some(Obj::Null),
                    b"true" => Some(Obj::Bool(true)),
                    b"false" => Some(Obj::Bool(false)),
                    _ => {
                        let n = parse_num(w)?;
                        // "12 0 R": look ahead for a reference.
                        let save = self.pos;
                        self.skip_ws();
                        let gen = self.word();
                        if !gen.is_empty() && gen.iter().all(u8::is_ascii_digit) {
                            self.skip_ws();
                            if self.peek() == Some(b'R') && self.b.get(self.pos + 1).is_none_or(|c| is_white(*c) || is_delim(*c)) {
                                self.pos += 1;
                                return Some(Obj::Ref(n as u32));
                            }
                        }
                        self.pos = save;
                        Some(Obj::Num(n))
                    }
                }
            }
        }
    }

    fn dict_body(&mut self, depth: usize) -> Option<Dict> {
        let mut d = Dict::new();
        loop {
            self.skip_ws();
            if self.budget.spent() {
                return Some(d);
            }
            match self.peek() {
                None => return Some(d),
                Some(b'>') => {
                    self.pos = (self.pos + 2).min(self.b.len());
                    return Some(d);
                }
                Some(b'/') => {
                    self.pos += 1;
                    let w = self.word();
                    if !self.budget.take(w.len() + OBJ_COST) {
                        return Some(d);
                    }
                    let key = name_bytes(w);
                    let before = self.pos;
                    match self.object_at(depth + 1) {
                        Some(v) => {
                            d.insert(key, v);
                        }
                        None if self.pos == before => self.pos += 1,
                        None => {}
                    }
                }
                Some(_) => self.pos += 1, // junk inside a dictionary: skip it
            }
        }
    }

    fn maybe_stream(&mut self, dict: Dict) -> Option<Obj> {
        let save = self.pos;
        self.skip_ws();
        if !self.b.get(self.pos..).unwrap_or(&[]).starts_with(b"stream") {
            self.pos = save;
            return Some(Obj::Dict(dict));
        }
        self.pos += 6;
        if self.b.get(self.pos) == Some(&b'\r') {
            self.pos += 1;
        }
        if self.b.get(self.pos) == Some(&b'\n') {
            self.pos += 1;
        }
        let start = self.pos;
        // A length from the file may be absurd (1e20): past the end it is not believed.
        let declared =
            dict.get(b"Length".as_slice()).and_then(Obj::as_num).and_then(|n| start.checked_add(n as usize)).filter(|&e| e <= self.b.len());
        let end = match declared {
            Some(end) if trimmed_starts(&self.b[end..], b"endstream") => end,
            _ => self.endstream_after(start)?,
        };
        let mut data_end = end;
        while data_end > start && matches!(self.b[data_end - 1], b'\n' | b'\r') && declared.is_none_or(|e| e < data_end) {
            data_end -= 1;
        }
        self.pos = (end + 9).min(self.b.len());
        let data = self.b.get(start..data_end).unwrap_or(&[]);
        if !self.budget.take(data.len()) {
            return None;
        }
        Some(Obj::Stream(dict, data.to_vec()))
    }

    pub fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        out
    }

    pub fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut digits = Vec::new();
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(v) = (c as char).to_digit(16) {
                digits.push(v as u8);
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(0);
        }
        digits.chunks(2).map(|p| p[0] * 16 + p[1]).collect()
    }
}

fn trimmed_starts(rest: &[u8], what: &[u8]) -> bool {
    let skip = rest.iter().take_while(|c| is_white(**c)).count();
    rest[skip..].starts_with(what)
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// "#20" escapes in names.
fn name_bytes(w: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        if w[i] == b'#' && i + 2 < w.len() {
            let hex = std::str::from_utf8(&w[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(w[i]);
        i += 1;
    }
    out
}

/// A PDF number ("12", "-3.5", ".5"), by hand: PDF writes no exponents, and some producers
/// write "--5" or "5-", read as their sign and digits. Two points or no digit: no number.
pub fn parse_num(w: &[u8]) -> Option<f64> {
    let neg = w.iter().find(|&&b| b != b'+') == Some(&b'-');
    let (mut value, mut scale, mut point, mut digits) = (0.0f64, 1.0f64, false, false);
    for &b in w {
        match b {
            b'0'..=b'9' => {
                digits = true;
                value = value * 10.0 + f64::from(b - b'0');
                if point {
                    scale *= 10.0;
                }
            }
            b'.' if point => return None,
            b'.' => point = true,
            _ => {}
        }
    }
    digits.then(|| if neg { -value / scale } else { value / scale })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &[u8]) -> Option<Obj> {
        Parser::new(src, 0, &Budget::new(1 << 20)).object()
    }

    #[test]
    fn numbers() {
        let num = |s: &str| parse_num(s.as_bytes());
        assert_eq!(num("12"), Some(12.0));
        assert_eq!(num("-3.25"), Some(-3.25));
        assert_eq!(num("+.5"), Some(0.5));
        assert_eq!(num("4."), Some(4.0));
        assert_eq!(num("--5"), Some(-5.0));
        assert_eq!(num("5-"), Some(5.0));
        assert_eq!(num("1.2.3"), None);
        assert_eq!(num("Tj"), None);
        assert_eq!(num("-"), None);
    }

    #[test]
    fn objects() {
        let src = b"<< /Type /Page /Kids [1 0 R 2 0 R] /N 3.5 /S (a\\(b\\)\\101) /H <4142> /Nm /A#20B >>";
        let o = parse(src).unwrap();
        let d = o.as_dict().unwrap();
        assert_eq!(d[b"Type".as_slice()], Obj::Name(b"Page".to_vec()));
        assert_eq!(d[b"Kids".as_slice()], Obj::Array(vec![Obj::Ref(1), Obj::Ref(2)]));
        assert_eq!(d[b"N".as_slice()], Obj::Num(3.5));
        assert_eq!(d[b"S".as_slice()], Obj::Str(b"a(b)A".to_vec()));
        assert_eq!(d[b"H".as_slice()], Obj::Str(b"AB".to_vec()));
        assert_eq!(d[b"Nm".as_slice()], Obj::Name(b"A B".to_vec()));
    }

    #[test]
    fn streams_with_and_without_length() {
        let o = parse(b"<< /Length 3 >>\nstream\nabc\nendstream").unwrap();
        assert!(matches!(o, Obj::Stream(_, ref d) if d == b"abc"));
        let o = parse(b"<< /Length 99 0 R >>stream\r\nxyz\r\nendstream").unwrap();
        assert!(matches!(o, Obj::Stream(_, ref d) if d == b"xyz"));
    }

    #[test]
    fn garbage_never_panics() {
        for src in [&b"<<"[..], b"[", b"(", b"<", b"/", b"<< /A", b"1 0", b"]]]>>>", b"<< /Length 5 >> stream\nab"] {
            let _ = parse(src);
        }
    }
}
