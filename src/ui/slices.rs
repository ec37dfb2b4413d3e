//! Long work on the page's main thread cut into slices, so that the page's other tasks run in
//! between: input, the loading indicators, and files that arrive meanwhile (a county map's
//! boundary files, while a scale package's largest CSV is read for a few hundred milliseconds).

/// How long a slice of work runs, at most (but for the step under way), in milliseconds.
pub const SLICE_MS: f64 = 50.0;

/// Where a piece of long work is in its current slice.
pub struct Slices {
    from: f64,
}

impl Slices {
    /// A first slice, from now.
    pub fn new() -> Slices {
        Slices { from: super::perf::now() }
    }

    /// Called between steps of the work: once the slice has lasted [`SLICE_MS`], lets the page's
    /// other tasks run and starts the next. Returns the milliseconds they took (0 if none ran).
    pub async fn step(&mut self) -> f64 {
        let now = super::perf::now();
        if now - self.from < SLICE_MS {
            return 0.0;
        }
        let_others_run().await;
        self.from = super::perf::now();
        self.from - now
    }
}

impl Default for Slices {
    fn default() -> Slices {
        Slices::new()
    }
}

/// Resumes in a task queued behind the page's others: a message the page posts to itself (which,
/// unlike a zero-delay timer, is not held back to 4 ms when repeated).
async fn let_others_run() {
    use wasm_bindgen::JsCast;
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let (resume, resumed) = futures::channel::oneshot::channel::<()>();
    // Freed once called; the message is posted at once, so it is called.
    let on_message = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = resume.send(());
    });
    channel.port1().set_onmessage(Some(on_message.unchecked_ref()));
    if channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_ok() {
        let _ = resumed.await;
    }
}
