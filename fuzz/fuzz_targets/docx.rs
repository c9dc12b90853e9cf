//! `analyze` on a Word file whose `word/document.xml` is the fuzzer's bytes, packed in a
//! stored (uncompressed) ZIP entry: the fuzzer works on the XML, not on ZIP headers.
#![no_main]

libfuzzer_sys::fuzz_target!(|xml: &[u8]| {
    let docx = referat_analyzer::ingest::docx::one_entry_zip("word/document.xml", xml, 0, xml.len() as u32);
    let _ = referat_analyzer::analyze(&docx, "fuzz.docx");
});
