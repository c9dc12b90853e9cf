//! `analyze` on any bytes, named as a .html file: it must return, never panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let analysis = referat_analyzer::analyze(data, "fuzz.html");
    // The export must work on whatever was read.
    let _ = referat_analyzer::export::json(std::slice::from_ref(&analysis));
});
