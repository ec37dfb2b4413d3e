//! What reading the synthetic scale package (`gongkai-synth`) costs in memory, as the allocator
//! counts it: the dataset kept per figure, and the most held at once beyond the file being read.
//! (On wasm32, the portal's target, a figure is 64 bytes: `data::model` asserts it when building.)
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use gongkai::data::package;

/// Counts the bytes allocated now and the most at once (a moving `realloc` holds both blocks).
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        PEAK.fetch_max(NOW.fetch_add(layout.size(), Relaxed) + layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        PEAK.fetch_max(NOW.fetch_add(new_size, Relaxed) + new_size, Relaxed);
        NOW.fetch_sub(layout.size(), Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

const MIB: usize = 1 << 20;

#[test]
fn reading_the_synthetic_package_keeps_little_per_figure_and_holds_one_file_at_a_time() {
    let dir = std::env::temp_dir().join(format!("gongkai-synth-{}-memory", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(env!("CARGO_BIN_EXE_gongkai-synth")).arg(&dir).output().expect("the generator runs");
    assert!(out.status.success(), "gongkai-synth failed: {}", String::from_utf8_lossy(&out.stderr));
    let largest = std::fs::read_dir(&dir).expect("the package").flatten().map(|e| e.metadata().map_or(0, |m| m.len() as usize)).max().unwrap_or(0);

    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let loaded = package::load_path(&dir.join("datapackage.json")).expect("the package loads");
    let (peak, kept) = (PEAK.load(Relaxed) - before, NOW.load(Relaxed) - before);
    let figures = loaded.dataset.observations.len();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(loaded.problems.is_empty() && figures > 200_000, "{} problems, {figures} figures", loaded.problems.len());

    // 64-bit sizes: about 104 bytes a figure and its id in place (a `String` id, a note of three
    // `String`s and the rest unboxed were about 310).
    let per_figure = kept / figures;
    assert!(per_figure <= 120, "the dataset keeps {per_figure} bytes per figure ({} MiB)", kept / MIB);
    // Reading holds the file it reads (the checker reads it whole; the browser does not) and,
    // besides the dataset, only the row index while linking parts: no copy of the text, no
    // second list of rows.
    let beyond = peak.saturating_sub(largest + kept);
    assert!(beyond <= 8 * MIB, "reading held {} MiB beyond the largest file ({} MiB) and the dataset ({} MiB)", beyond / MIB, largest / MIB, kept / MIB);
}
