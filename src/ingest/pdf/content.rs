//! A page's content stream, read for its text: where each shown string starts and ends,
//! at what size, with which characters. Graphics are ignored except the matrices that
//! place the text.

use super::font::Font;
use super::object::{is_delim, is_white, Budget, Obj, Parser};

/// A string as shown on the page, in page coordinates.
#[derive(Debug, Clone)]
pub struct Run {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub size: f64,
    pub text: String,
}

type M = [f64; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn matrix(ops: &[Obj]) -> Option<M> {
    if ops.len() < 6 {
        return None;
    }
    let v: Vec<f64> = ops[ops.len() - 6..].iter().filter_map(Obj::as_num).collect();
    (v.len() == 6).then(|| [v[0], v[1], v[2], v[3], v[4], v[5]])
}

/// What the interpreter asks of the document: fonts and form XObjects by resource name.
pub trait Resources {
    fn font(&self, name: &[u8]) -> Option<std::rc::Rc<Font>>;
    /// A form XObject: its content, its matrix, and its own resources.
    fn form(&self, name: &[u8]) -> Option<(Vec<u8>, M, Box<dyn Resources + '_>)>;
}

pub struct Interpreter<'b> {
    pub runs: Vec<Run>,
    budget: &'b Budget,
}

/// What an operator costs of the budget, besides parsing its operands.
const OP_COST: usize = 16;

struct TextState {
    tm: M,
    tlm: M,
    font: Option<std::rc::Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl<'b> Interpreter<'b> {
    /// Every operator, operand and shown glyph draws on `budget`: a hostile file cannot
    /// keep it busy, however its content is shared, repeated or nested.
    pub fn new(budget: &'b Budget) -> Self {
        Interpreter { runs: Vec::new(), budget }
    }

    pub fn run(&mut self, content: &[u8], res: &dyn Resources, ctm: M, depth: usize) {
        let mut p = Parser::new(content, 0, self.budget);
        let mut operands: Vec<Obj> = Vec::new();
        let mut ctm = ctm;
        let mut stack: Vec<M> = Vec::new();
        let mut ts =
            TextState { tm: ID, tlm: ID, font: None, size: 0.0, char_space: 0.0, word_space: 0.0, scale: 1.0, leading: 0.0, rise: 0.0 };
        while p.pos < content.len() && !self.budget.spent() {
            p.skip_ws();
            let Some(&c) = content.get(p.pos) else { break };
            if matches!(c, b'/' | b'(' | b'<' | b'[' | b'+' | b'-' | b'.' | b'0'..=b'9') {
                let before = p.pos;
                if let Some(o) = p.object() {
                    if operands.len() < 64 {
                        operands.push(o);
                    }
                } else if p.pos == before {
                    p.pos += 1;
                }
                continue;
            }
            if is_delim(c) || is_white(c) {
                p.pos += 1;
                continue;
            }
            let op = p.word();
            if !self.budget.take(OP_COST) {
                break;
            }
            match op {
                b"q" => stack.push(ctm),
                b"Q" => ctm = stack.pop().unwrap_or(ctm),
                b"cm" => {
                    if let Some(m) = matrix(&operands) {
                        ctm = mul(&m, &ctm);
                    }
                }
                b"BT" => {
                    ts.tm = ID;
                    ts.tlm = ID;
                }
                b"Tf" => {
                    if let [Obj::Name(name), size] = &operands[operands.len().saturating_sub(2)..] {
                        ts.font = res.font(name);
                        ts.size = size.as_num().unwrap_or(0.0);
                    }
                }
                b"Tc" => ts.char_space = last_num(&operands).unwrap_or(0.0),
                b"Tw" => ts.word_space = last_num(&operands).unwrap_or(0.0),
                b"Tz" => ts.scale = last_num(&operands).unwrap_or(100.0) / 100.0,
                b"TL" => ts.leading = last_num(&operands).unwrap_or(0.0),
                b"Ts" => ts.rise = last_num(&operands).unwrap_or(0.0),
                b"Td" | b"TD" => {
                    if let [tx, ty] = &operands[operands.len().saturating_sub(2)..] {
                        let (tx, ty) = (tx.as_num().unwrap_or(0.0), ty.as_num().unwrap_or(0.0));
                        if op == b"TD".as_slice() {
                            ts.leading = -ty;
                        }
                        ts.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &ts.tlm);
                        ts.tm = ts.tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = matrix(&operands) {
                        ts.tm = m;
                        ts.tlm = m;
                    }
                }
                b"T*" => next_line(&mut ts),
                b"Tj" => {
                    if let Some(Obj::Str(s)) = operands.last() {
                        self.show(&mut ts, &ctm, s);
                    }
                }
                b"'" => {
                    next_line(&mut ts);
                    if let Some(Obj::Str(s)) = operands.last() {
                        self.show(&mut ts, &ctm, s);
                    }
                }
                b"\"" => {
                    if let [aw, ac, Obj::Str(s)] = &operands[operands.len().saturating_sub(3)..] {
                        ts.word_space = aw.as_num().unwrap_or(0.0);
                        ts.char_space = ac.as_num().unwrap_or(0.0);
                        next_line(&mut ts);
                        self.show(&mut ts, &ctm, s);
                    }
                }
                b"TJ" => {
                    if let Some(Obj::Array(items)) = operands.last() {
                        for item in items {
                            match item {
                                Obj::Str(s) => self.show(&mut ts, &ctm, s),
                                Obj::Num(n) => {
                                    let tx = -n / 1000.0 * ts.size * ts.scale;
                                    ts.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &ts.tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" if depth < 6 => {
                    if let Some(Obj::Name(name)) = operands.last() {
                        if let Some((data, m, inner)) = res.form(name) {
                            self.run(&data, inner.as_ref(), mul(&m, &ctm), depth + 1);
                        }
                    }
                }
                b"BI" => {
                    // Inline image: its data runs up to "EI".
                    let rest = content.get(p.pos..).unwrap_or(&[]);
                    let end = rest.windows(3).position(|w| is_white(w[0]) && w[1] == b'E' && w[2] == b'I').unwrap_or(rest.len());
                    p.pos += end + 3;
                }
                _ => {}
            }
            operands.clear();
        }
    }

    fn show(&mut self, ts: &mut TextState, ctm: &M, s: &[u8]) {
        let Some(font) = ts.font.clone() else { return };
        // A glyph costs its text and its share of the run.
        if !self.budget.take(s.len() * 8) {
            return;
        }
        let start = mul(&mul(&[1.0, 0.0, 0.0, 1.0, 0.0, ts.rise], &ts.tm), ctm);
        let mut text = String::new();
        font.each_glyph(s, |t, w0, is_space| {
            text.push_str(t);
            let tx = (w0 / 1000.0 * ts.size + ts.char_space + if is_space { ts.word_space } else { 0.0 }) * ts.scale;
            ts.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &ts.tm);
        });
        let end = mul(&mul(&[1.0, 0.0, 0.0, 1.0, 0.0, ts.rise], &ts.tm), ctm);
        // The size on the page: the font size scaled by the text and page matrices.
        let scale_y = (start[2] * start[2] + start[3] * start[3]).sqrt();
        let size = (ts.size * scale_y).abs();
        if !text.is_empty() && self.runs.len() < 2_000_000 {
            self.runs.push(Run { x0: start[4], x1: end[4], y: start[5], size: if size > 0.0 { size } else { 1.0 }, text });
        }
    }
}

fn next_line(ts: &mut TextState) {
    ts.tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &ts.tlm);
    ts.tm = ts.tlm;
}

fn last_num(ops: &[Obj]) -> Option<f64> {
    ops.last().and_then(Obj::as_num)
}
