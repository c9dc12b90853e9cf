//! PDF: the text layer, in reading order. A small reader of our own over `flate2`: the
//! maintained PDF crates (lopdf 0.47, with pdf-extract on top) weigh 600 KB gzip in wasm,
//! more than the whole page may. This one reads what referater are made of (xref tables
//! or object streams, Flate streams, ToUnicode CMaps or simple encodings, form XObjects)
//! and is bounded everywhere: object count, inflated bytes, operators, nesting.

mod content;
mod font;
mod object;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::rc::Rc;

use content::{Interpreter, Resources, Run};
use font::Font;
use object::{find, Dict, Obj, Parser};

const MAX_OBJECTS: usize = 400_000;
const MAX_INFLATED: usize = 256 * 1024 * 1024;
const MAX_PAGES: usize = 5_000;
const MAX_OPERATORS: usize = 20_000_000;

#[derive(Debug, PartialEq)]
pub enum PdfError {
    NotPdf,
    Encrypted,
    NoPages,
    /// Pages, but (almost) no text on them: a scan.
    NoText {
        pages: usize,
    },
}

pub struct Extracted {
    pub text: String,
    pub pages: usize,
}

pub fn text(bytes: &[u8]) -> Result<Extracted, PdfError> {
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(PdfError::NotPdf);
    }
    let doc = Doc::load(bytes);
    if doc.encrypted {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.pages();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let mut out = String::new();
    let mut interp = Interpreter::new(MAX_OPERATORS);
    for page in &pages {
        interp.runs.clear();
        let content = doc.page_content(&page.dict);
        let res = PageResources { doc: &doc, dict: page.resources.clone() };
        interp.run(&content, &res, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], 0);
        out.push_str(&layout(&mut interp.runs));
        out.push_str("\n\n");
    }
    let letters = out.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 40 * pages.len().min(5) {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(Extracted { text: out, pages: pages.len() })
}

struct Page {
    dict: Dict,
    resources: Option<Dict>,
}

struct Doc {
    objects: HashMap<u32, Obj>,
    encrypted: bool,
    inflated: RefCell<usize>,
    fonts: RefCell<HashMap<u32, Rc<Font>>>,
}

impl Doc {
    fn load(bytes: &[u8]) -> Doc {
        let mut objects: HashMap<u32, Obj> = HashMap::new();
        // Every "N G obj" in file order: later definitions (incremental updates) win.
        let mut at = 0;
        while let Some(i) = find(bytes.get(at..).unwrap_or(&[]), b"obj") {
            let pos = at + i;
            at = pos + 3;
            if objects.len() >= MAX_OBJECTS {
                break;
            }
            if bytes.get(pos + 3).is_some_and(|c| !object::is_white(*c) && !object::is_delim(*c)) {
                continue;
            }
            if let Some(num) = object_number_before(bytes, pos) {
                let mut p = Parser::new(bytes, pos + 3);
                if let Some(o) = p.object() {
                    objects.insert(num, o);
                    at = at.max(p.pos);
                }
            }
        }
        let encrypted = find(bytes, b"/Encrypt").is_some();
        let doc = Doc { objects, encrypted, inflated: RefCell::new(0), fonts: RefCell::new(HashMap::new()) };
        // Objects packed in object streams (PDF 1.5+, as Word writes them).
        let packed: Vec<(u32, Obj)> = doc
            .objects
            .values()
            .filter(|o| matches!(o, Obj::Stream(d, _) if d.get(b"Type".as_slice()).and_then(Obj::as_name) == Some(b"ObjStm")))
            .flat_map(|o| doc.unpack(o))
            .collect();
        let mut doc = doc;
        for (num, o) in packed {
            if doc.objects.len() >= MAX_OBJECTS {
                break;
            }
            doc.objects.entry(num).or_insert(o);
        }
        doc
    }

    fn unpack(&self, stream: &Obj) -> Vec<(u32, Obj)> {
        let Obj::Stream(d, _) = stream else { return Vec::new() };
        let n = d.get(b"N".as_slice()).and_then(Obj::as_num).unwrap_or(0.0) as usize;
        let first = d.get(b"First".as_slice()).and_then(Obj::as_num).unwrap_or(0.0) as usize;
        let Some(data) = self.decode(stream) else { return Vec::new() };
        let mut header = Parser::new(&data, 0);
        let mut pairs = Vec::new();
        for _ in 0..n.min(100_000) {
            let (Some(Obj::Num(num)), Some(Obj::Num(off))) = (header.object(), header.object()) else { break };
            pairs.push((num as u32, off as usize));
        }
        pairs.into_iter().filter_map(|(num, off)| Parser::new(&data, first.checked_add(off)?).object().map(|o| (num, o))).collect()
    }

    fn resolve(&self, o: &Obj) -> Option<Obj> {
        let mut cur = o;
        for _ in 0..32 {
            match cur {
                Obj::Ref(n) => cur = self.objects.get(n)?,
                other => return Some(other.clone()),
            }
        }
        None
    }

    fn get(&self, d: &Dict, key: &str) -> Option<Obj> {
        d.get(key.as_bytes()).and_then(|o| self.resolve(o))
    }

    /// A stream's data with its filters undone; `None` for filters we do not read.
    fn decode(&self, o: &Obj) -> Option<Vec<u8>> {
        let o = self.resolve(o)?;
        let Obj::Stream(d, raw) = o else { return None };
        let filters: Vec<Vec<u8>> = match self.get(&d, "Filter") {
            None => Vec::new(),
            Some(Obj::Name(n)) => vec![n],
            Some(Obj::Array(a)) => a.iter().filter_map(|f| f.as_name().map(<[u8]>::to_vec)).collect(),
            Some(_) => return None,
        };
        let mut data = raw;
        for f in filters {
            data = match f.as_slice() {
                b"FlateDecode" | b"Fl" => self.inflate(&data)?,
                b"ASCIIHexDecode" | b"AHx" => Parser::new(&[b"<".as_slice(), &data].concat(), 0).hex_string(),
                _ => return None,
            };
        }
        Some(data)
    }

    /// Inflates within what is left of the document's budget.
    fn inflate(&self, data: &[u8]) -> Option<Vec<u8>> {
        let left = MAX_INFLATED.saturating_sub(*self.inflated.borrow());
        let mut out = Vec::new();
        let zlib = flate2::read::ZlibDecoder::new(data).take(left as u64).read_to_end(&mut out);
        if zlib.is_err() && out.is_empty() {
            // Some producers write raw deflate, or a stream cut short: keep what inflates.
            out.clear();
            let _ = flate2::read::DeflateDecoder::new(data).take(left as u64).read_to_end(&mut out);
        }
        *self.inflated.borrow_mut() += out.len();
        (!out.is_empty()).then_some(out)
    }

    fn pages(&self) -> Vec<Page> {
        let root = self
            .objects
            .values()
            .find(|o| o.as_dict().and_then(|d| d.get(b"Type".as_slice())).and_then(Obj::as_name) == Some(b"Catalog"))
            .and_then(|c| c.as_dict())
            .and_then(|d| self.get(d, "Pages"));
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        if let Some(root) = root {
            self.walk_pages(&root, None, &mut out, &mut seen, 0);
        }
        if out.is_empty() {
            // No usable page tree: take the page objects in file order.
            let mut nums: Vec<&u32> = self
                .objects
                .iter()
                .filter(|(_, o)| o.as_dict().and_then(|d| d.get(b"Type".as_slice())).and_then(Obj::as_name) == Some(b"Page"))
                .map(|(n, _)| n)
                .collect();
            nums.sort();
            for n in nums.into_iter().take(MAX_PAGES) {
                if let Some(d) = self.objects.get(n).and_then(Obj::as_dict) {
                    out.push(Page { resources: self.get(d, "Resources").and_then(|r| r.as_dict().cloned()), dict: d.clone() });
                }
            }
        }
        out
    }

    /// `seen` holds the object numbers of the nodes walked, against cyclic trees.
    fn walk_pages(&self, node: &Obj, inherited: Option<&Dict>, out: &mut Vec<Page>, seen: &mut HashSet<u32>, depth: usize) {
        let Some(d) = node.as_dict() else { return };
        if depth > 64 || out.len() >= MAX_PAGES {
            return;
        }
        let own = self.get(d, "Resources").and_then(|r| r.as_dict().cloned());
        let resources = own.as_ref().or(inherited);
        match self.get(d, "Kids") {
            Some(Obj::Array(kids)) => {
                for kid in kids {
                    if let Obj::Ref(n) = kid {
                        if !seen.insert(n) {
                            continue;
                        }
                    }
                    if let Some(k) = self.resolve(&kid) {
                        self.walk_pages(&k, resources, out, seen, depth + 1);
                    }
                }
            }
            _ => out.push(Page { dict: d.clone(), resources: resources.cloned() }),
        }
    }

    fn page_content(&self, page: &Dict) -> Vec<u8> {
        let mut out = Vec::new();
        let parts: Vec<Obj> = match page.get(b"Contents".as_slice()) {
            Some(Obj::Array(a)) => a.clone(),
            Some(o) => match self.resolve(o) {
                Some(Obj::Array(a)) => a,
                Some(other) => vec![other],
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        for part in parts {
            if let Some(data) = self.decode(&part) {
                out.extend_from_slice(&data);
                out.push(b'\n');
            }
        }
        out
    }

    fn font(&self, obj: &Obj) -> Rc<Font> {
        let key = match obj {
            Obj::Ref(n) => Some(*n),
            _ => None,
        };
        if let Some(f) = key.and_then(|k| self.fonts.borrow().get(&k).cloned()) {
            return f;
        }
        let font = match self.resolve(obj).as_ref().and_then(Obj::as_dict) {
            Some(d) => Font::from_dict(d, &|o| self.resolve(o), &|o| self.decode(o)),
            None => Font::fallback(),
        };
        let font = Rc::new(font);
        if let Some(k) = key {
            self.fonts.borrow_mut().insert(k, font.clone());
        }
        font
    }
}

/// "12 0 obj": the object number standing before `pos`.
fn object_number_before(b: &[u8], pos: usize) -> Option<u32> {
    let mut i = pos;
    let mut numbers = Vec::new();
    for _ in 0..2 {
        while i > 0 && object::is_white(b[i - 1]) {
            i -= 1;
        }
        let end = i;
        while i > 0 && b[i - 1].is_ascii_digit() {
            i -= 1;
        }
        if i == end {
            return None;
        }
        numbers.push(std::str::from_utf8(&b[i..end]).ok()?.parse::<u32>().ok()?);
    }
    Some(numbers[1])
}

struct PageResources<'d> {
    doc: &'d Doc,
    dict: Option<Dict>,
}

impl Resources for PageResources<'_> {
    fn font(&self, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.doc.get(self.dict.as_ref()?, "Font")?;
        let f = fonts.as_dict()?.get(name)?;
        Some(self.doc.font(f))
    }

    fn form(&self, name: &[u8]) -> Option<(Vec<u8>, [f64; 6], Box<dyn Resources + '_>)> {
        let xobjects = self.doc.get(self.dict.as_ref()?, "XObject")?;
        let x = xobjects.as_dict()?.get(name)?;
        let stream = self.doc.resolve(x)?;
        let d = stream.as_dict()?;
        if d.get(b"Subtype".as_slice()).and_then(Obj::as_name) != Some(b"Form") {
            return None;
        }
        let m: Vec<f64> =
            self.doc.get(d, "Matrix").and_then(|m| m.as_array().map(|a| a.iter().filter_map(Obj::as_num).collect())).unwrap_or_default();
        let matrix = if m.len() == 6 { [m[0], m[1], m[2], m[3], m[4], m[5]] } else { [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] };
        let inner = self.doc.get(d, "Resources").and_then(|r| r.as_dict().cloned()).or_else(|| self.dict.clone());
        Some((self.doc.decode(&stream)?, matrix, Box::new(PageResources { doc: self.doc, dict: inner })))
    }
}

/// Runs into lines, top to bottom and left to right: runs whose baselines lie within
/// half a font size share a line; a gap wider than a fifth of the size is a space; a
/// line gap over 1.6 line heights is a blank line (a new paragraph).
fn layout(runs: &mut [Run]) -> String {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<(f64, f64, Vec<&Run>)> = Vec::new();
    for r in runs.iter() {
        match lines.last_mut() {
            Some((y, size, members)) if (r.y - *y).abs() < 0.5 * size.max(r.size) => {
                members.push(r);
                *size = size.max(r.size);
            }
            _ => lines.push((r.y, r.size, vec![r])),
        }
    }
    let mut out = String::new();
    let mut prev: Option<(f64, f64)> = None;
    for (y, size, mut members) in lines {
        members.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut line = String::new();
        let mut end: Option<f64> = None;
        for r in members {
            if let Some(e) = end {
                let gap = r.x0 - e;
                if gap > 0.2 * r.size && !line.ends_with(' ') && !r.text.starts_with(' ') {
                    line.push(if gap > 3.0 * r.size { '\t' } else { ' ' });
                }
            }
            line.push_str(&r.text);
            end = Some(end.map_or(r.x1, |e: f64| e.max(r.x1)));
        }
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some((py, psize)) = prev {
            if py - y > 1.6 * 1.2 * psize.max(size) {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        prev = Some((y, size));
    }
    out
}
