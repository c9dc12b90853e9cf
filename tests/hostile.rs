//! Hostile files (tests/hostile/gen.rs) through `analyze`: none may panic, allocate 256 MB
//! or take a second (release; 20 s in a debug build, which still catches a hang), and each
//! must end in a refusal, a finding that says what was cut, or its text read.

#[path = "hostile/gen.rs"]
mod gen;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use gen::Expect;
use referat_analyzer::findings::FindingCode;

/// The system allocator, counting the bytes live now and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const MAX_HEAP: usize = 256 * 1024 * 1024;

/// One test, the cases one after another: the counter is the process's, so no other
/// test may allocate while a case is measured.
#[test]
fn hostile_files_are_bounded() {
    let limit = if cfg!(debug_assertions) { Duration::from_secs(20) } else { Duration::from_secs(1) };
    let mut failures = Vec::new();
    // HOSTILE=words runs only the cases whose name contains them (to measure one alone).
    let only = std::env::var("HOSTILE").unwrap_or_default();
    for case in gen::cases().into_iter().filter(|c| c.name.contains(&only)) {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| referat_analyzer::analyze(&case.bytes, case.file));
        let elapsed = start.elapsed();
        let peak = PEAK.load(Relaxed).saturating_sub(base);
        let outcome = match &result {
            Err(_) => "PANIC".to_owned(),
            Ok(a) => a.findings.iter().map(|f| f.code.to_string()).collect::<Vec<_>>().join(","),
        };
        eprintln!("{:<58} {:>8.1} ms {:>7.1} MB  {outcome}", case.name, elapsed.as_secs_f64() * 1e3, peak as f64 / 1048576.0);
        let mut fail = |why: String| failures.push(format!("{}: {why}", case.name));
        if elapsed > limit {
            fail(format!("took {elapsed:?}"));
        }
        if peak > MAX_HEAP {
            fail(format!("peak heap {} MB", peak / 1048576));
        }
        let Ok(analysis) = result else {
            fail("panicked".into());
            continue;
        };
        // A reader's cut has no item; the review's "truncated" names the last item.
        let cut = |f: &referat_analyzer::model::Finding| f.code == FindingCode::Truncated && f.item.is_none();
        let refused_or_cut = analysis.findings.iter().any(|f| f.code.is_refusal() || cut(f));
        match case.expect {
            Expect::RefusedOrCut if !refused_or_cut => fail(format!("neither refused nor cut: {outcome}")),
            Expect::Reads(mark) => {
                let json = serde_json::to_string(&analysis).expect("serializes");
                if !json.contains(mark) {
                    fail(format!("{mark} not read: {outcome}"));
                }
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
