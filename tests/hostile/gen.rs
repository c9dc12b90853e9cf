//! Hostile files, made in memory: each one a way a file can make a reader overflow,
//! allocate without end or work without end (issue 12). Large bodies are Flate-packed, so
//! most files are a few KB on disk even when they inflate to hundreds of MB.

use std::io::Write;

/// What a hostile file must give: a refusal or a finding that says what was cut, or (for
/// files whose only fault is an absurd number) the text read as if the number were sane.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    RefusedOrCut,
    Reads(&'static str),
    /// A fuzzer's crash input: bounded and no panic, whatever it reads.
    Returns,
}

pub struct Case {
    pub name: &'static str,
    pub file: &'static str,
    pub bytes: Vec<u8>,
    pub expect: Expect,
}

/// A referat's text as content-stream operators in font /F1, one line per `Td`.
const LINES: &[&str] = &[
    "Referat af m\\370de i Teknisk Udvalg den 1. maj 2024",
    "1. Godkendelse af dagsorden",
    "Beslutning: Godkendt.",
    "2. Budgetopf\\370lgning for anden kvartal",
    "Beslutning: Taget til efterretning.",
];

const MARK: &str = "Budgetopfølgning";

fn text_ops() -> String {
    let mut s = String::from("BT /F1 12 Tf 72 760 Td ");
    for l in LINES {
        s.push_str(&format!("({l}) Tj 0 -24 Td "));
    }
    s.push_str("ET\n");
    s
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("in memory");
    e.finish().expect("in memory")
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    [format!("<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes(), data, b"\nendstream"].concat()
}

fn flate_stream(dict: &str, data: &[u8]) -> Vec<u8> {
    stream(&format!("{dict} /Filter /FlateDecode"), &deflate(data))
}

/// A PDF of the numbered objects given, in order, without an xref table (the reader
/// scans for objects).
fn pdf(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    for (n, body) in objects {
        out.extend(format!("{n} 0 obj\n").as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    out.extend(b"trailer << /Root 1 0 R >>\n%%EOF\n");
    out
}

const FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

/// Catalog 1, one page 3 with font 4 and content 5, pages node 2: the base that most
/// cases change one thing in.
fn one_page(page: &str, font: &[u8], content: Vec<u8>, extra: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    let mut objs = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (3, format!("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> {page} >>").into_bytes()),
        (4, font.to_vec()),
        (5, content),
    ];
    objs.extend(extra);
    pdf(&objs)
}

fn plain_page(content: Vec<u8>) -> Vec<u8> {
    one_page("/Contents 5 0 R", FONT.as_bytes(), content, Vec::new())
}

/// An object stream holding `objects` (number, body), each at its own offset.
fn object_stream(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut header = String::new();
    let mut body = Vec::new();
    for (n, o) in objects {
        header.push_str(&format!("{n} {} ", body.len()));
        body.extend(o);
        body.push(b' ');
    }
    let data = [header.as_bytes(), &body].concat();
    flate_stream(&format!("/Type /ObjStm /N {} /First {}", objects.len(), header.len()), &data)
}

/// A ToUnicode-mapped Type0 font (object 4) with CMap 6 and descendant 7.
fn type0(w: &str, cmap: &[u8]) -> (Vec<u8>, Vec<(u32, Vec<u8>)>) {
    let font = b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>".to_vec();
    let desc = format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 /W {w} >>").into_bytes();
    (font, vec![(6, flate_stream("", cmap)), (7, desc)])
}

/// Text in two-byte codes, mapped 1:1 to Latin-1 by a bfrange CMap.
fn type0_text_ops() -> String {
    let mut s = String::from("BT /F1 12 Tf 72 760 Td ");
    for l in ["Referat af mode i Teknisk Udvalg den 1. maj 2024", "1. Godkendelse af dagsorden", "2. Budgetopfolgning for anden kvartal"] {
        let hex: String = l.bytes().map(|b| format!("00{b:02X}")).collect();
        s.push_str(&format!("<{hex}> Tj 0 -24 Td "));
    }
    s.push_str("ET\n");
    s
}

const CMAP_LATIN1: &str = "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <00FF> <0000> endbfrange\n";

fn zip_one(name: &str, data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("in memory");
    let packed = e.finish().expect("in memory");
    referat_analyzer::ingest::docx::one_entry_zip(name, &packed, 8, data.len() as u32)
}

fn html_body() -> String {
    "<p>Referat af møde i Teknisk Udvalg den 1. maj 2024</p><h2>1. Godkendelse af dagsorden</h2><p>Beslutning: Godkendt.</p><h2>2. Budgetopfølgning for anden kvartal</h2><p>Beslutning: Taget til efterretning.</p>".to_owned()
}

pub fn cases() -> Vec<Case> {
    use Expect::*;
    let mut cases = Vec::new();
    let mut add = |name, file, bytes, expect| cases.push(Case { name, file, bytes, expect });
    let ops = text_ops();

    // Inputs the fuzzers crashed on (tests/hostile/crashes), each fixed.
    add(
        "fuzz crash: a statement 'fra Ø' read from a byte too far",
        "votes-fra-offset.pdf",
        include_bytes!("crashes/votes-fra-offset.pdf").to_vec(),
        Returns,
    );
    add(
        "fuzz crash: an unclosed '(' after a vote read past the next vote",
        "votes-overlap.docx",
        include_bytes!("crashes/votes-overlap.docx").to_vec(),
        Returns,
    );
    add(
        "fuzz crash: a line opening with 'indstiller', no body before the verb",
        "committee-verb-first.txt",
        include_bytes!("crashes/committee-verb-first.txt").to_vec(),
        Returns,
    );

    // Arithmetic overflow: numbers no real file has.
    add("pdf /Length 1e20", "length.pdf", plain_page(stream("", ops.as_bytes()).replace_length("100000000000000000000")), Reads(MARK));
    let (font, extra) = type0("[4294967295 [500 600] 4294967295 4294967296 700 0 [500]]", CMAP_LATIN1.as_bytes());
    add(
        "pdf CID /W from 4294967295",
        "w.pdf",
        one_page("/Contents 5 0 R", &font, stream("", type0_text_ops().as_bytes()), extra),
        Reads("Budgetopfolgning"),
    );
    let diff_font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [100000000000000000000 /a /b 18446744073709551615 /c] >> >>";
    add(
        "pdf /Differences code 1e20",
        "diff.pdf",
        one_page("/Contents 5 0 R", diff_font.as_bytes(), stream("", ops.as_bytes()), Vec::new()),
        Reads(MARK),
    );
    let mut objstm = object_stream(&[(4, FONT.as_bytes().to_vec())]);
    objstm = objstm.replace_first("/First 18446744073709551615 /N 65535 /Dummy");
    add(
        "pdf object stream /First + offset overflow",
        "first.pdf",
        pdf(&[
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (3, b"<< /Type /Page /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec()),
            (5, stream("", ops.as_bytes())),
            (8, objstm),
            (9, flate_stream("/Type /ObjStm /N 2 /First 65535", b"4 18446744073709551615 4 4294967295")),
        ]),
        Reads(MARK),
    );
    let firstchar = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 4294967295 /Widths [500 500 500] >>";
    add(
        "pdf /FirstChar 4294967295",
        "firstchar.pdf",
        one_page("/Contents 5 0 R", firstchar.as_bytes(), stream("", ops.as_bytes()), Vec::new()),
        Reads(MARK),
    );

    // Memory: small numbers that expand to billions.
    let mut cmap = String::from("1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange 20000 beginbfrange ");
    for i in 0..20_000u32 {
        cmap.push_str(&format!("<{:08X}> <{:08X}> <0041>\n", i * 65_536, i * 65_536 + 65_535));
    }
    cmap.push_str("endbfrange 1 begincidrange <00000000> <FFFFFFFF> 0 endcidrange\n");
    let (font, extra) = type0("[]", cmap.as_bytes());
    add(
        "pdf CMap ranges of billions",
        "cmap.pdf",
        one_page("/Contents 5 0 R", &font, stream("", type0_text_ops().as_bytes()), extra),
        RefusedOrCut,
    );
    let flood = "<0041> ".repeat(10_000_000);
    let (font, extra) = type0("[]", flood.as_bytes());
    add(
        "pdf CMap operand flood",
        "cmapflood.pdf",
        one_page("/Contents 5 0 R", &font, stream("", type0_text_ops().as_bytes()), extra),
        RefusedOrCut,
    );
    let big = [ops.as_bytes(), &b"% padding\n".repeat(100_000)].concat();
    let contents = format!("/Contents [{}]", "5 0 R ".repeat(100_000));
    add(
        "pdf /Contents one 1 MB stream 100,000 times",
        "contents.pdf",
        one_page(&contents, FONT.as_bytes(), flate_stream("", &big), Vec::new()),
        RefusedOrCut,
    );
    let mut header = String::new();
    for n in 0..100_000 {
        header.push_str(&format!("{} 0 ", 1000 + n));
    }
    let string = format!("({})", "x".repeat(1_000_000));
    let data = [header.as_bytes(), string.as_bytes()].concat();
    let objstm = flate_stream(&format!("/Type /ObjStm /N 100000 /First {}", header.len()), &data);
    add(
        "pdf object stream of 100,000 entries at one 1 MB string",
        "objstm.pdf",
        one_page("/Contents 5 0 R", FONT.as_bytes(), stream("", ops.as_bytes()), vec![(8, objstm)]),
        RefusedOrCut,
    );
    add("pdf inherited /Resources x 5,000 pages", "inherit.pdf", inherited_resources(&ops), Reads(MARK));
    let widths = format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /Widths [{}] >>", "500 ".repeat(10_000_000));
    add(
        "pdf /Widths of 10^7 entries",
        "widths.pdf",
        pdf(&[
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (3, b"<< /Type /Page /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec()),
            (5, stream("", ops.as_bytes())),
            (8, object_stream(&[(4, widths.into_bytes())])),
        ]),
        RefusedOrCut,
    );
    let parens =
        [b"BT /F1 12 Tf 72 700 Td ".as_slice(), &b"(".repeat(10_000_000), &b")".repeat(10_000_000), b" Tj ET\n", ops.as_bytes()].concat();
    add("pdf string of 10^7 nested parentheses", "parens.pdf", plain_page(flate_stream("", &parens)), RefusedOrCut);

    // Time: work that repeats, recurses or scans again.
    let mut streams = b"%PDF-1.7\n".to_vec();
    for n in 0..200_000 {
        streams.extend(format!("{n} 0 obj << /Length 5 0 R >> stream\n").as_bytes());
    }
    add("pdf 200,000 stream keywords without endstream", "streams.pdf", streams, RefusedOrCut);
    let form = [b"/X1 Do ".repeat(10).as_slice(), ops.as_bytes(), &b"% pad\n".repeat(20_000)].concat();
    add(
        "pdf form XObject drawing itself 10x per level",
        "form.pdf",
        one_page(
            "/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R",
            FONT.as_bytes(),
            stream("", b"/X1 Do"),
            vec![(6, flate_stream("/Type /XObject /Subtype /Form /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>", &form))],
        ),
        RefusedOrCut,
    );
    let tf = [ops.as_bytes(), &b"/F1 12 Tf ".repeat(2_000_000)].concat();
    let inline_font = format!(
        "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /FirstChar 0 /Widths [{}] /ToUnicode 6 0 R >> >> >> /Contents 5 0 R",
        "500 ".repeat(256)
    );
    add(
        "pdf direct font dictionary read on every Tf (2 M)",
        "tf.pdf",
        one_page(&inline_font, FONT.as_bytes(), flate_stream("", &tf), vec![(6, flate_stream("", CMAP_LATIN1.as_bytes()))]),
        RefusedOrCut,
    );
    add("pdf 5,000 pages sharing one 10 MB content stream", "shared.pdf", shared_content(&ops), RefusedOrCut);

    // Beyond the list.
    let deep = [b"<< /Type /Catalog /Pages 2 0 R /Deep ".as_slice(), &b"[<<".repeat(1_000_000), b" >>"].concat();
    add(
        "pdf 10^6 nested arrays and dictionaries",
        "deep.pdf",
        pdf(&[
            (1, deep),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
            (3, b"<< /Type /Page /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec()),
            (4, FONT.as_bytes().to_vec()),
            (5, stream("", ops.as_bytes())),
        ]),
        RefusedOrCut,
    );
    add(
        "pdf /Kids cycles and self-references",
        "cycle.pdf",
        pdf(&[
            (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
            (2, b"<< /Type /Pages /Kids [6 0 R 3 0 R 2 0 R] /Count 1 >>".to_vec()),
            (6, b"<< /Type /Pages /Parent 6 0 R /Kids [2 0 R 6 0 R 7 0 R] >>".to_vec()),
            (7, b"<< /Type /Pages /Kids [6 0 R] /Resources 7 0 R >>".to_vec()),
            (3, b"<< /Type /Page /Parent 3 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec()),
            (4, FONT.as_bytes().to_vec()),
            (5, stream("", ops.as_bytes())),
        ]),
        Reads(MARK),
    );
    let chain: Vec<(u32, Vec<u8>)> = (10..100_010).map(|n| (n, format!("{} 0 R", n + 1).into_bytes())).collect();
    add(
        "pdf 100,000-long reference chain",
        "chain.pdf",
        one_page("/Contents 10 0 R", FONT.as_bytes(), stream("", ops.as_bytes()), chain),
        RefusedOrCut,
    );
    let inline_images = [ops.as_bytes(), &b"BI /W 1 ID xxxxxxxx ".repeat(300_000)].concat();
    add("pdf 300,000 inline images without EI", "bi.pdf", plain_page(flate_stream("", &inline_images)), Reads(MARK));
    add(
        "pdf 400 MB Flate bomb",
        "bomb.pdf",
        plain_page(stream("/Filter /FlateDecode", &zlib_bomb(ops.as_bytes(), 400 << 20))),
        RefusedOrCut,
    );
    let objs = b"1 0 obj 1 endobj ".repeat(1_000_000);
    add("pdf 10^6 tiny objects", "objs.pdf", [b"%PDF-1.7\n".as_slice(), &objs].concat(), RefusedOrCut);

    // HTML.
    let html =
        format!("<html><body>{}{}{}</body></html>", "<style>x</style>".repeat(300_000), html_body(), "<STYLE>p{}</Style>".repeat(10));
    add("html 300,000 <style> tags", "style.html", html.into_bytes(), Reads(MARK));
    let html = format!("<html><body><p title=\"{}\">x</p>{}</body></html>", "a".repeat(20_000_000), html_body());
    add("html 20 MB attribute value", "attr.html", html.into_bytes(), Reads(MARK));
    let html = format!("<html><body>{}{}</body></html>", html_body(), "<b>&amp;</b>".repeat(1_000_000));
    add("html 10^6 tags and entities", "tags.html", html.into_bytes(), RefusedOrCut);

    // Plain text: a long agenda and a long list of members, each once read in a time that
    // grew with its square (10,000 attendees: 20 s).
    let items: String = (1..=10_000).map(|n| format!("{n}. Punkt {n}\nBeslutning\nGodkendt.\n\n")).collect();
    add(
        "text 10,000 numbered items",
        "items.txt",
        format!("Referat\nByrådet\nMødedato: 3. marts 2020\n\n{items}").into_bytes(),
        Reads("Punkt 10000"),
    );
    // 200,000 items (8 MB of text): read up to MAX_PARSED and said so.
    let items: String = (1..=200_000).map(|n| format!("{n}. Punkt {n}\nBeslutning\nGodkendt.\n\n")).collect();
    add(
        "text 200,000 numbered items",
        "items200k.txt",
        format!("Referat\nByrådet\nMødedato: 3. marts 2020\n\n{items}").into_bytes(),
        RefusedOrCut,
    );
    let first = ["Anne", "Per", "Jens", "Mette", "Lars", "Hanne", "Søren", "Karen", "Niels", "Lone"];
    let surname = |i: usize| (0..4).map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8)).collect::<String>();
    let people: String = (0..10_000).map(|i| format!("{} Hansen{} (A)\n", first[i % 10], surname(i))).collect();
    let text = format!("Referat\nByrådet\nMødedato: 3. marts 2020\n\nDeltagere:\n{people}\n1. Godkendelse\nBeslutning\nGodkendt.\n");
    add("text 10,000 attendees", "members.txt", text.into_bytes(), Reads("Lone Hansenpuoa"));
    let people: String = (0..100_000).map(|i| format!("{} Hansen{} (A)\n", first[i % 10], surname(i))).collect();
    let text = format!("Referat\nByrådet\nMødedato: 3. marts 2020\n\nDeltagere:\n{people}\n1. Godkendelse\nBeslutning\nGodkendt.\n");
    add("text 100,000 attendees", "members100k.txt", text.into_bytes(), RefusedOrCut);
    // One sentence of 30,000 clauses, each of which made the attendance reader look at the
    // rest of the sentence again: 29 s and 4.8 GB (" - "), a stack overflow in a test's
    // thread, over 100 s ("I stedet deltog").
    let chains = [
        ("text 30,000 ' - X deltog som suppleant' in one sentence", "dashes.txt", "Anna Hansen (A)", " - Bo Berg deltog som suppleant"),
        ("text 30,000 'I stedet deltog X' in one sentence", "instead.txt", "Afbud fra Anna Hansen (A).", " I stedet deltog Bo Berg (V)"),
    ];
    for (name, file, lead, clause) in chains {
        let text = format!(
            "Referat\nByrådet\nMødedato: 3. marts 2020\n\n{lead}{}\n\n1. Godkendelse\nBeslutning\nGodkendt.\n",
            clause.repeat(30_000)
        );
        add(name, file, text.into_bytes(), Reads("Bo Berg"));
    }

    // Letters whose lower case is longer or shorter in UTF-8 ('Ⱥ' 2 -> 3 bytes, 'İ' 2 -> 3,
    // the Kelvin sign 3 -> 1) after every label the parser lower-cases to find: an offset
    // found in the lower-case text once sliced the original off a character boundary.
    let odd = ["Ⱥ", "İ", "\u{212A}", "ẞ", "Ω"];
    let mut text = String::from("Referat\nByrådet\nMødedato: 3. marts 2020\n\n");
    for o in odd {
        for label in ["Sag:", "Sagsnr.", "Punkt nr.", "Pkt.", "Åbent -", "Afbud:", "Fraværende:", "Deltagere:", "Mødested:", "Beslutning i"]
        {
            text.push_str(&format!("{label} {o}{o}{o}{o}{o}{o} {o}sen ({o})\n{o}{label}{o} 5 {o}\n"));
        }
        text.push_str(&format!("Pun{o}t nr. 5 Godkendelse\n{o} {o} {o} {o} {o}\nAfbud: {o}nne Hansen - stedfortræder {o}er\n"));
    }
    text.push_str("1. Budgetopfølgning\nBeslutning\nGodkendt.\n");
    add("text letters whose lower case changes length", "lower.txt", text.into_bytes(), Reads(MARK));

    // DOCX.
    let runs = "<w:r><w:t>a</w:t></w:r>".repeat(2_500_000);
    let xml = format!("<w:document><w:body><w:p><w:r><w:t>Referat 1. maj 2024</w:t></w:r></w:p><w:p>{runs}</w:p></w:body></w:document>");
    add("docx one paragraph of 2.5 M tiny runs", "runs.docx", zip_one("word/document.xml", xml.as_bytes()), RefusedOrCut);
    let paras = "<w:p/>".repeat(5_000_000);
    let xml = format!("<w:document><w:body><w:p><w:r><w:t>Referat 1. maj 2024</w:t></w:r></w:p>{paras}</w:body></w:document>");
    add("docx 5 M empty paragraphs", "paras.docx", zip_one("word/document.xml", xml.as_bytes()), Reads("2024-05-01"));
    cases
}

/// `head` and then `spaces` spaces as a zlib stream, written by hand (one fixed-Huffman
/// block of 258-byte matches): deflating 400 MB in a debug build would take a minute.
fn zlib_bomb(head: &[u8], spaces: usize) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let (mut acc, mut bits) = (0u64, 0u32);
    let mut put = |out: &mut Vec<u8>, value: u64, n: u32| {
        acc |= value << bits;
        bits += n;
        while bits >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    };
    // Huffman codes go most significant bit first.
    let code = |c: u64, n: u32| (c.reverse_bits() >> (64 - n), n);
    put(&mut out, 0b011, 3); // final block, fixed codes
    for &b in head.iter().chain([b' '].iter()) {
        let (c, n) = code(0x30 + u64::from(b), 8);
        put(&mut out, c, n);
    }
    for _ in 0..(spaces - 1) / 258 {
        let (c, n) = code(0xC5, 8); // length 258
        put(&mut out, c, n);
        put(&mut out, 0, 5); // distance 1
    }
    put(&mut out, 0, 7); // end of block
    put(&mut out, 0, 7); // to a byte boundary
    let data = head.iter().copied().chain(std::iter::repeat_n(b' ', 1 + (spaces - 1) / 258 * 258));
    let (mut a, mut b) = (1u32, 0u32);
    for x in data {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend(((b << 16) | a).to_be_bytes());
    out
}

fn inherited_resources(ops: &str) -> Vec<u8> {
    let fonts: String = (0..2_000).map(|i| format!("/G{i} 4 0 R ")).collect();
    let kids: String = (0..5_000).map(|i| format!("{} 0 R ", 100 + i)).collect();
    let mut objs = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, format!("<< /Type /Pages /Kids [{kids}] /Resources << /Font << /F1 4 0 R {fonts} >> >> >>").into_bytes()),
        (4, FONT.as_bytes().to_vec()),
        (5, stream("", ops.as_bytes())),
    ];
    objs.extend((0..5_000).map(|i| (100 + i, b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>".to_vec())));
    pdf(&objs)
}

fn shared_content(ops: &str) -> Vec<u8> {
    let kids: String = (0..5_000).map(|i| format!("{} 0 R ", 100 + i)).collect();
    let content = [ops.as_bytes(), &b"0 0 Td ".repeat(1_500_000)].concat();
    let mut objs = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, format!("<< /Type /Pages /Kids [{kids}] /Resources << /Font << /F1 4 0 R >> >> >>").into_bytes()),
        (4, FONT.as_bytes().to_vec()),
        (5, flate_stream("", &content)),
    ];
    objs.extend((0..5_000).map(|i| (100 + i, b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>".to_vec())));
    pdf(&objs)
}

/// Byte edits on a generated file.
trait Edit {
    fn replace_length(self, length: &str) -> Vec<u8>;
    fn replace_first(self, with: &str) -> Vec<u8>;
}

impl Edit for Vec<u8> {
    /// The first `/Length n` becomes `/Length length`.
    fn replace_length(self, length: &str) -> Vec<u8> {
        let s = String::from_utf8_lossy(&self).into_owned();
        let at = s.find("/Length ").expect("a length") + 8;
        let end = at + s[at..].find(' ').expect("a space");
        [&self[..at], length.as_bytes(), &self[end..]].concat()
    }

    /// The first `/Type /ObjStm /N .. /First ..` header's numbers replaced.
    fn replace_first(self, with: &str) -> Vec<u8> {
        let s = String::from_utf8_lossy(&self).into_owned();
        let at = s.find("/N ").expect("an /N");
        let end = at + s[at..].find("/Filter").expect("a filter");
        [&self[..at], with.as_bytes(), b" ", &self[end..]].concat()
    }
}
