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
use object::{find, Budget, Dict, Obj, Parser};

const MAX_OBJECTS: usize = 400_000;
const MAX_PAGES: usize = 5_000;
/// The work one document may cost (see `Budget`): about 96 MB of objects, inflated and
/// copied bytes, operators and map entries in all, which is what keeps the peak heap
/// under 256 MB and the time under a second. A 28-page referat uses a few percent of it.
const BUDGET: usize = 96 * 1024 * 1024;
/// What a page costs besides its content: its resources are shared, not copied, but a
/// tree of thousands of pages is still work.
const PAGE_COST: usize = 4 * 1024;

#[derive(Debug, PartialEq)]
pub enum PdfError {
    NotPdf,
    Encrypted,
    NoPages,
    /// Pages, but (almost) no text on them: a scan.
    NoText {
        pages: usize,
    },
    /// The work budget ran out before enough text was read.
    TooComplex,
}

pub struct Extracted {
    pub text: String,
    pub pages: usize,
    /// The work budget ran out: the text is what was read before it did.
    pub cut: bool,
}

pub fn text(bytes: &[u8]) -> Result<Extracted, PdfError> {
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(PdfError::NotPdf);
    }
    let budget = Budget::new(BUDGET);
    let doc = Doc::load(bytes, &budget);
    if doc.encrypted {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.pages();
    if pages.is_empty() {
        return Err(if budget.spent() { PdfError::TooComplex } else { PdfError::NoPages });
    }
    let mut out = String::new();
    let mut interp = Interpreter::new(&budget);
    for page in &pages {
        if budget.spent() {
            break;
        }
        interp.runs.clear();
        let content = doc.page_content(page.dict);
        let res = PageResources { doc: &doc, dict: page.resources };
        interp.run(&content, &res, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], 0);
        out.push_str(&layout(&mut interp.runs));
        out.push_str("\n\n");
    }
    let letters = out.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 40 * pages.len().min(5) {
        return Err(if budget.spent() { PdfError::TooComplex } else { PdfError::NoText { pages: pages.len() } });
    }
    Ok(Extracted { text: out, pages: pages.len(), cut: budget.spent() })
}

/// A page: its dictionary and the resources it has or inherits, both borrowed from the
/// document, so a thousand pages under one /Resources share it.
struct Page<'d> {
    dict: &'d Dict,
    resources: Option<&'d Dict>,
}

struct Doc<'b> {
    objects: HashMap<u32, Obj>,
    encrypted: bool,
    budget: &'b Budget,
    /// Fonts read once, by the address of their dictionary in `objects` (which does not
    /// move once loaded): a direct font dictionary is not read again on every `Tf`.
    fonts: RefCell<HashMap<usize, Rc<Font>>>,
}

impl<'b> Doc<'b> {
    fn load(bytes: &'b [u8], budget: &'b Budget) -> Doc<'b> {
        let mut objects: HashMap<u32, Obj> = HashMap::new();
        // Every "N G obj" in file order: later definitions (incremental updates) win. One
        // parser for all, so it finds the "endstream"s once.
        let mut p = Parser::new(bytes, 0, budget);
        let mut at = 0;
        while let Some(i) = find(bytes.get(at..).unwrap_or(&[]), b"obj") {
            let pos = at + i;
            at = pos + 3;
            if objects.len() >= MAX_OBJECTS || budget.spent() {
                break;
            }
            if bytes.get(pos + 3).is_some_and(|c| !object::is_white(*c) && !object::is_delim(*c)) {
                continue;
            }
            if let Some(num) = object_number_before(bytes, pos) {
                p.pos = pos + 3;
                if let Some(o) = p.object() {
                    objects.insert(num, o);
                    at = at.max(p.pos);
                }
            }
        }
        let encrypted = find(bytes, b"/Encrypt").is_some();
        let doc = Doc { objects, encrypted, budget, fonts: RefCell::new(HashMap::new()) };
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
        // Numbers from the file: `as` saturates (1e20 -> usize::MAX), sums are checked.
        let n = d.get(b"N".as_slice()).and_then(Obj::as_num).unwrap_or(0.0) as usize;
        let first = d.get(b"First".as_slice()).and_then(Obj::as_num).unwrap_or(0.0) as usize;
        let Some(data) = self.decode(stream) else { return Vec::new() };
        let mut p = Parser::new(&data, 0, self.budget);
        let mut pairs = Vec::new();
        for _ in 0..n.min(100_000) {
            let (Some(Obj::Num(num)), Some(Obj::Num(off))) = (p.object(), p.object()) else { break };
            pairs.push((num as u32, off as usize));
        }
        let mut out = Vec::new();
        for (num, off) in pairs {
            let Some(at) = first.checked_add(off) else { continue };
            p.pos = at;
            if let Some(o) = p.object() {
                out.push((num, o));
            }
        }
        out
    }

    /// The object a reference names (through chains of up to 32), borrowed.
    fn resolve<'s>(&'s self, o: &'s Obj) -> Option<&'s Obj> {
        let mut cur = o;
        let mut seen = [0u32; 32];
        for k in 0..32 {
            match cur {
                // A reference back into the chain: a cycle, no object.
                Obj::Ref(n) if seen[..k].contains(n) => return None,
                Obj::Ref(n) => {
                    seen[k] = *n;
                    cur = self.objects.get(n)?;
                }
                other => return Some(other),
            }
        }
        // No writer chains 32 references: the file is built to cost, and read no further.
        self.budget.exhaust();
        None
    }

    fn get<'s>(&'s self, d: &'s Dict, key: &str) -> Option<&'s Obj> {
        d.get(key.as_bytes()).and_then(|o| self.resolve(o))
    }

    /// A stream's data with its filters undone; `None` for filters we do not read.
    fn decode(&self, o: &Obj) -> Option<Vec<u8>> {
        let Obj::Stream(d, raw) = self.resolve(o)? else { return None };
        let filters: Vec<&[u8]> = match self.get(d, "Filter") {
            None => Vec::new(),
            Some(Obj::Name(n)) => vec![n],
            Some(Obj::Array(a)) => a.iter().filter_map(Obj::as_name).collect(),
            Some(_) => return None,
        };
        if !self.budget.take(raw.len()) {
            return None;
        }
        let mut data = raw.clone();
        for f in filters.into_iter().take(8) {
            data = match f {
                b"FlateDecode" | b"Fl" => self.inflate(&data)?,
                b"ASCIIHexDecode" | b"AHx" => Parser::new(&[b"<".as_slice(), &data].concat(), 0, self.budget).hex_string(),
                _ => return None,
            };
        }
        Some(data)
    }

    /// Inflates within what is left of the document's budget.
    fn inflate(&self, data: &[u8]) -> Option<Vec<u8>> {
        let left = self.budget.left();
        let mut out = Vec::new();
        let zlib = flate2::read::ZlibDecoder::new(data).take(left as u64).read_to_end(&mut out);
        if zlib.is_err() && out.is_empty() {
            // Some producers write raw deflate, or a stream cut short: keep what inflates.
            out.clear();
            let _ = flate2::read::DeflateDecoder::new(data).take(left as u64).read_to_end(&mut out);
        }
        // Reaching the limit spends the budget: the stream was cut.
        if out.len() >= left || !self.budget.take(out.len()) {
            self.budget.take(usize::MAX);
        }
        (!out.is_empty()).then_some(out)
    }

    fn pages(&self) -> Vec<Page<'_>> {
        let root = self
            .objects
            .values()
            .find(|o| o.as_dict().and_then(|d| d.get(b"Type".as_slice())).and_then(Obj::as_name) == Some(b"Catalog"))
            .and_then(|c| c.as_dict())
            .and_then(|d| self.get(d, "Pages"));
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        if let Some(root) = root {
            self.walk_pages(root, None, &mut out, &mut seen, 0);
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
                    if !self.budget.take(PAGE_COST) {
                        break;
                    }
                    out.push(Page { resources: self.get(d, "Resources").and_then(Obj::as_dict), dict: d });
                }
            }
        }
        out
    }

    /// `seen` holds the object numbers of the nodes walked, against cyclic trees.
    fn walk_pages<'s>(
        &'s self,
        node: &'s Obj,
        inherited: Option<&'s Dict>,
        out: &mut Vec<Page<'s>>,
        seen: &mut HashSet<u32>,
        depth: usize,
    ) {
        let Some(d) = node.as_dict() else { return };
        if depth > 64 || out.len() >= MAX_PAGES || !self.budget.take(PAGE_COST) {
            return;
        }
        let resources = self.get(d, "Resources").and_then(Obj::as_dict).or(inherited);
        match self.get(d, "Kids") {
            Some(Obj::Array(kids)) => {
                for kid in kids {
                    if let Obj::Ref(n) = kid {
                        if !seen.insert(*n) {
                            continue;
                        }
                    }
                    if let Some(k) = self.resolve(kid) {
                        self.walk_pages(k, resources, out, seen, depth + 1);
                    }
                }
            }
            _ => out.push(Page { dict: d, resources }),
        }
    }

    fn page_content(&self, page: &Dict) -> Vec<u8> {
        let mut out = Vec::new();
        let parts: &[Obj] = match page.get(b"Contents".as_slice()).and_then(|o| match o {
            Obj::Array(_) => Some(o),
            _ => self.resolve(o),
        }) {
            Some(Obj::Array(a)) => a,
            Some(other) => std::slice::from_ref(other),
            None => &[],
        };
        for part in parts {
            // Each part is decoded (and charged) anew: one stream named 100,000 times
            // spends the budget, it does not multiply the work.
            match self.decode(part) {
                Some(data) if self.budget.take(data.len()) => {
                    out.extend_from_slice(&data);
                    out.push(b'\n');
                }
                Some(_) => break,
                None if self.budget.spent() => break,
                None => {}
            }
        }
        out
    }

    fn font(&self, obj: &Obj) -> Rc<Font> {
        let resolved = self.resolve(obj);
        let key = resolved.map_or(obj as *const Obj as usize, |o| o as *const Obj as usize);
        if let Some(f) = self.fonts.borrow().get(&key) {
            return f.clone();
        }
        let font = match resolved.and_then(Obj::as_dict) {
            Some(d) => Font::from_dict(d, &|o| self.resolve(o), &|o| self.decode(o), self.budget),
            None => Font::fallback(),
        };
        let font = Rc::new(font);
        self.fonts.borrow_mut().insert(key, font.clone());
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
    doc: &'d Doc<'d>,
    dict: Option<&'d Dict>,
}

impl Resources for PageResources<'_> {
    fn font(&self, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.doc.get(self.dict?, "Font")?;
        let f = fonts.as_dict()?.get(name)?;
        Some(self.doc.font(f))
    }

    fn form(&self, name: &[u8]) -> Option<(Vec<u8>, [f64; 6], Box<dyn Resources + '_>)> {
        let xobjects = self.doc.get(self.dict?, "XObject")?;
        let x = xobjects.as_dict()?.get(name)?;
        let stream = self.doc.resolve(x)?;
        let d = stream.as_dict()?;
        if d.get(b"Subtype".as_slice()).and_then(Obj::as_name) != Some(b"Form") {
            return None;
        }
        let m: Vec<f64> =
            self.doc.get(d, "Matrix").and_then(|m| m.as_array().map(|a| a.iter().filter_map(Obj::as_num).collect())).unwrap_or_default();
        let matrix = if m.len() == 6 { [m[0], m[1], m[2], m[3], m[4], m[5]] } else { [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] };
        let inner = self.doc.get(d, "Resources").and_then(Obj::as_dict).or(self.dict);
        Some((self.doc.decode(stream)?, matrix, Box::new(PageResources { doc: self.doc, dict: inner })))
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
