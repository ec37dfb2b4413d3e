//! Fetching published files: a timeout, HTTP status checks, and one error type that names the
//! URL and what went wrong.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;

use std::collections::HashMap;

use crate::data::descriptor::Descriptor;
use crate::data::package;
use crate::data::{decode, DataError, Dataset, Place, Reason, Region};
use crate::geo::topojson::GeoError;

use super::perf;
use super::slices::Slices;
use crate::i18n::{tr_args, Locale};

/// Where the default data package is published, relative to the page's `<base href>`.
pub const DEFAULT_PACKAGE: &str = "data/datapackage.json";
/// How long a data request may take before it is abandoned.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Why a published file could not be loaded. Every variant names the absolute URL.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("{url}: HTTP {status} {status_text}")]
    Status { url: String, status: u16, status_text: String },
    #[error("{url}: network error: {detail}")]
    Network {
        url: String,
        detail: String,
        /// Whether the URL is on another site than the page: the browser then also refuses a
        /// file whose server does not allow other sites to read it (CORS), with the same error.
        cross_origin: bool,
    },
    #[error("{url}: no answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url}: reading the body failed: {detail}")]
    Body { url: String, detail: String },
    /// The server sent a web page where a data file was expected (a wrong address that a site
    /// answers with its home page).
    #[error("{url}: the server sent a web page ({content_type}), not the file")]
    WebPage { url: String, content_type: String },
    #[error("{url}: {error}")]
    Data { url: String, error: DataError },
    #[error("{url}: {error}")]
    Geometry { url: String, error: GeoError },
}

impl LoadError {
    pub fn url(&self) -> &str {
        match self {
            LoadError::Status { url, .. }
            | LoadError::Network { url, .. }
            | LoadError::Timeout { url, .. }
            | LoadError::Body { url, .. }
            | LoadError::WebPage { url, .. }
            | LoadError::Data { url, .. }
            | LoadError::Geometry { url, .. } => url,
        }
    }

    /// The message shown to readers, in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        match self {
            LoadError::Status { url, status, status_text } => {
                let status_text = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
                tr_args(
                    locale,
                    "error-http-status",
                    &[("url", url.as_str().into()), ("status", (*status).into()), ("statusText", status_text.into())],
                )
            }
            LoadError::Network { url, detail, cross_origin } => {
                let id = if *cross_origin { "error-network-cross-origin" } else { "error-network" };
                tr_args(locale, id, &[("url", url.as_str().into()), ("detail", detail.as_str().into())])
            }
            LoadError::Timeout { url, seconds } => {
                tr_args(locale, "error-timeout", &[("url", url.as_str().into()), ("seconds", (*seconds as f64).into())])
            }
            LoadError::Body { url, detail } => {
                tr_args(locale, "error-read-body", &[("url", url.as_str().into()), ("detail", detail.as_str().into())])
            }
            LoadError::WebPage { url, content_type } => {
                tr_args(locale, "error-web-page", &[("url", url.as_str().into()), ("type", content_type.as_str().into())])
            }
            LoadError::Data { error, .. } => error.message(locale),
            LoadError::Geometry { url, error } => {
                tr_args(locale, "error-geometry", &[("url", url.as_str().into()), ("detail", error.reason.as_str().into())])
            }
        }
    }
}

/// `relative` resolved against the root of the portal's site, where it is served (the page has
/// no `<base>` element: its Content-Security-Policy says `base-uri 'none'`).
pub fn absolute_url(relative: &str) -> String {
    let root = web_sys::window().and_then(|w| w.location().origin().ok()).map(|origin| format!("{origin}/"));
    root.and_then(|b| web_sys::Url::new_with_base(relative, &b).ok()).map_or_else(|| relative.to_owned(), |u| u.href())
}

/// Whether `url` is on another origin than the page.
fn is_cross_origin(url: &str) -> bool {
    let page = web_sys::window().and_then(|w| w.location().origin().ok());
    let target = web_sys::Url::new(url).ok().map(|u| u.origin());
    matches!((page, target), (Some(p), Some(t)) if p != t)
}

/// Fetches the body of `url`, handing each chunk to `keep` as it arrives, giving up after
/// `timeout`, and refusing (without reading on) a body larger than the portal reads.
async fn fetch(url: &str, timeout: Duration, keep: impl FnMut(js_sys::Uint8Array)) -> Result<(), LoadError> {
    let url = url.to_owned();
    let cross_origin = is_cross_origin(&url);
    let network = |detail: String| LoadError::Network { url: url.clone(), detail, cross_origin };
    // The page's start-up script may have asked for this file already (public/first-view.js).
    let (prefetched, controller) = match take_prefetched(&url) {
        Some((response, controller)) => (Some(response), controller),
        None => (None, web_sys::AbortController::new().map_err(|e| network(format!("{e:?}")))?),
    };
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            timeout,
        )
        .ok()
    };
    let abandoned = |detail: String, timed_out: &Cell<bool>| {
        if timed_out.get() {
            LoadError::Timeout { url: url.clone(), seconds: timeout.as_secs() }
        } else {
            network(detail)
        }
    };

    let signal = controller.signal();
    let result = async {
        let response = match prefetched {
            Some(response) => wasm_bindgen_futures::JsFuture::from(response)
                .await
                .map_err(|e| describe_js(&e))
                .and_then(|r| wasm_bindgen::JsCast::dyn_into::<web_sys::Response>(r).map(gloo_net::http::Response::from).map_err(|e| describe_js(&e))),
            None => Request::get(&url).abort_signal(Some(&signal)).send().await.map_err(|e| e.to_string()),
        }
        .map_err(|detail| abandoned(detail, &timed_out))?;
        if !response.ok() {
            return Err(LoadError::Status { url: url.clone(), status: response.status(), status_text: response.status_text() });
        }
        // A site that answers a wrong address with its home page sends HTML where data was asked for.
        let content_type = response.headers().get("content-type").unwrap_or_default();
        if content_type.trim_start().to_ascii_lowercase().starts_with("text/html") {
            return Err(LoadError::WebPage { url: url.clone(), content_type });
        }
        let total = response.headers().get("content-length").and_then(|v| v.trim().parse::<u64>().ok());
        let too_large = |bytes| LoadError::Data { url: url.clone(), error: DataError::new(&url, Place::File, None, Reason::TooLarge { bytes }) };
        if let Some(total) = total.filter(|t| *t > decode::MAX_BYTES) {
            return Err(too_large(Some(total)));
        }
        read_body(&url, response, total, keep).await.map_err(|unread| match unread {
            Unread::TooLarge => too_large(None),
            Unread::Failed(_) if timed_out.get() => LoadError::Timeout { url: url.clone(), seconds: timeout.as_secs() },
            Unread::Failed(detail) => LoadError::Body { url: url.clone(), detail },
        })
    }
    .await;
    super::progress::done(&url);
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// The response the page's start-up script has asked for at `url`, with its controller, taken
/// (so that it is read once); `None` if it asked for none.
fn take_prefetched(url: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    use wasm_bindgen::JsCast;
    let all = js_sys::Reflect::get(&web_sys::window()?.into(), &"gkPrefetched".into()).ok().filter(|v| v.is_object())?;
    let entry = js_sys::Reflect::get(&all, &url.into()).ok().filter(|v| v.is_object())?;
    let _ = js_sys::Reflect::delete_property(all.unchecked_ref::<js_sys::Object>(), &url.into());
    let response = js_sys::Reflect::get(&entry, &"response".into()).ok()?.dyn_into().ok()?;
    let controller = js_sys::Reflect::get(&entry, &"controller".into()).ok()?.dyn_into().ok()?;
    Some((response, controller))
}

/// A thrown JavaScript value as a message: `TypeError: Failed to fetch`, as gloo-net words it.
fn describe_js(value: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match value.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => value.as_string().unwrap_or_else(|| format!("{value:?}")),
    }
}

/// Fetches the bytes of `url` into the portal's memory (see [`fetch`]).
pub async fn fetch_bytes(url: &str, timeout: Duration) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    fetch(url, timeout, |chunk| {
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
    })
    .await?;
    Ok(bytes)
}

/// Fetches `url` as text (see [`decode::text`]), giving up after `timeout`.
pub async fn fetch_text(url: &str, timeout: Duration) -> Result<String, LoadError> {
    let bytes = fetch_bytes(url, timeout).await?;
    decode::into_text(url, bytes).map_err(|error| LoadError::Data { url: url.to_owned(), error })
}

/// A file as received: its chunks, left in the browser's memory rather than copied into the
/// portal's (whose memory never shrinks), with its length and CRC-32.
pub struct Received {
    chunks: js_sys::Array,
    pub len: u64,
    pub crc: u32,
}

impl Received {
    /// The file's chunks, as parts of a `Blob`.
    pub fn parts(&self) -> &js_sys::Array {
        &self.chunks
    }
}

/// How much of a received chunk is copied into the portal's memory at a time (for its CRC, or to
/// be read): a body from the cache may come as one chunk of many megabytes, and the portal's
/// memory never shrinks.
const CRC_PIECE: usize = 64 * 1024;

/// Fetches `url`, keeping its chunks in the browser (see [`Received`]).
pub async fn fetch_received(url: &str, timeout: Duration) -> Result<Received, LoadError> {
    let (chunks, mut tally) = (js_sys::Array::new(), Tally::default());
    fetch(url, timeout, |chunk| {
        tally.add(&chunk, |_| ());
        chunks.push(&chunk);
    })
    .await?;
    Ok(Received { chunks, len: tally.len, crc: tally.crc.finalize() })
}

/// A file's length and CRC-32, added up chunk by chunk as it is received: the portal's reading
/// and the download's fresh copy count the same way, so that the two can be compared.
#[derive(Default)]
struct Tally {
    crc: crc32fast::Hasher,
    len: u64,
    piece: Vec<u8>,
}

impl Tally {
    /// Adds `chunk`, copied into the portal's memory a piece at a time; `each` sees every piece too.
    fn add(&mut self, chunk: &js_sys::Uint8Array, mut each: impl FnMut(&[u8])) {
        let Tally { crc, len, piece } = self;
        for_pieces(chunk, piece, |p| {
            crc.update(p);
            each(p);
        });
        *len += u64::from(chunk.length());
    }
}

/// How often, at most, the loading indicators are told how much of a file has arrived.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// Why a body was not read to its end.
enum Unread {
    /// More bytes than the portal reads arrived; the rest was not read.
    TooLarge,
    Failed(String),
}

/// Reads `response`'s body chunk by chunk, handing each to `keep` and recording the bytes
/// received for the loading indicators, and stops once it passes [`decode::MAX_BYTES`].
async fn read_body(url: &str, response: gloo_net::http::Response, total: Option<u64>, mut keep: impl FnMut(js_sys::Uint8Array)) -> Result<(), Unread> {
    use wasm_bindgen::JsCast;
    let describe = |e: wasm_bindgen::JsValue| {
        Unread::Failed(e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_else(|| format!("{e:?}")))
    };
    let Some(body) = response.body() else { return Ok(()) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut received = 0u64;
    super::progress::update(url, 0, total);
    // The indicators are redrawn a few times a second, not for every chunk: a large file comes in
    // hundreds of chunks, and redrawing for each delayed reading it by about half a second.
    let mut shown_at = perf::now();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read()).await.map_err(describe)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(describe)?.as_bool().unwrap_or(true);
        if done {
            break;
        }
        // The chunk as it came: `Uint8Array::new` would copy it.
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into()).map_err(describe)?.unchecked_into();
        received += u64::from(value.length());
        if perf::now() - shown_at >= PROGRESS_EVERY_MS {
            shown_at = perf::now();
            super::progress::update(url, received, total);
        }
        if received > decode::MAX_BYTES {
            let _ = reader.cancel();
            return Err(Unread::TooLarge);
        }
        keep(value);
    }
    Ok(())
}

/// A file of a package as the portal read it: its path in the package, its length and its
/// CRC-32, which a fresh copy is checked against for the "whole data package" download.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    pub path: String,
    pub len: u64,
    pub crc: u32,
}

/// A data package as fetched: where its descriptor is, what was read from it, and the files as
/// received (the descriptor and every CSV that arrived, by their paths in the package). Their
/// bytes are not kept: the "whole data package" download fetches them again.
#[derive(Clone)]
pub struct Fetched {
    pub url: String,
    /// Shared, never copied: a scale package's dataset is tens of megabytes.
    pub dataset: Arc<Dataset>,
    pub problems: Arc<Vec<DataError>>,
    pub files: Arc<Vec<Published>>,
}

/// A file of the package for [`package::read_files`]: its chunks are awaited until the file has
/// arrived whole (its rows are counted, so that room for exactly that many is reserved), kept in
/// the browser's memory, then copied into the portal's a piece at a time to be read.
struct Arriving {
    path: String,
    incoming: futures::channel::mpsc::UnboundedReceiver<Result<js_sys::Uint8Array, DataError>>,
    /// The file's chunks once it has arrived whole, and which chunk and byte the reading is at.
    chunks: Option<Vec<js_sys::Uint8Array>>,
    at: (usize, u32),
    piece: Vec<u8>,
    line_breaks: usize,
    /// Where the file is recorded once it has arrived whole, and the time spent waiting for it
    /// (so that the reading's own time can be measured).
    arrived: Rc<std::cell::RefCell<Vec<Published>>>,
    waited: Rc<Cell<f64>>,
    /// The reading's slices: a file of hundreds of thousands of rows is not read in one task.
    slices: Slices,
}

impl Arriving {
    /// Waits for the rest of the file, counting and measuring each chunk as it comes (while the
    /// next is on its way), and records it.
    async fn arrive(&mut self) -> Result<Vec<js_sys::Uint8Array>, DataError> {
        use futures::StreamExt;
        let mut tally = Tally::default();
        let mut chunks = Vec::new();
        loop {
            let since = perf::now();
            let next = self.incoming.next().await;
            self.waited.set(self.waited.get() + perf::now() - since);
            let Some(chunk) = next else { break };
            let chunk = chunk?;
            tally.add(&chunk, |piece| self.line_breaks += memchr::memchr_iter(b'\n', piece).count());
            chunks.push(chunk);
        }
        self.arrived.borrow_mut().push(Published { path: self.path.clone(), len: tally.len, crc: tally.crc.finalize() });
        Ok(chunks)
    }
}

/// Calls `each` with `chunk`'s bytes, copied into `piece` [`CRC_PIECE`] bytes at a time.
fn for_pieces(chunk: &js_sys::Uint8Array, piece: &mut Vec<u8>, mut each: impl FnMut(&[u8])) {
    let mut at = 0;
    while at < chunk.length() {
        at += copy_piece(chunk, at, piece);
        each(piece);
    }
}

/// Copies the next piece of `chunk` from byte `at` (at most [`CRC_PIECE`] bytes) into `piece`;
/// returns its length.
fn copy_piece(chunk: &js_sys::Uint8Array, at: u32, piece: &mut Vec<u8>) -> u32 {
    let n = (chunk.length() - at).min(CRC_PIECE as u32);
    piece.resize(n as usize, 0);
    chunk.subarray(at, at + n).copy_to(piece);
    n
}

impl package::Incoming for Arriving {
    /// The file's rows are counted once it has arrived whole.
    async fn start(&mut self) -> Result<Option<usize>, DataError> {
        let chunks = self.arrive().await?;
        self.chunks = Some(chunks);
        self.slices = Slices::new();
        Ok(Some(self.line_breaks))
    }

    /// Between slices of the reading, the page's other tasks run first (their time counts as
    /// waiting).
    async fn next(&mut self) -> Result<Option<&[u8]>, DataError> {
        let others = self.slices.step().await;
        self.waited.set(self.waited.get() + others);
        let Some(chunks) = &self.chunks else { return Ok(None) };
        let (index, offset) = &mut self.at;
        let Some(chunk) = chunks.get(*index) else { return Ok(None) };
        *offset += copy_piece(chunk, *offset, &mut self.piece);
        if *offset >= chunk.length() {
            (*index, *offset) = (*index + 1, 0);
        }
        Ok(Some(&self.piece))
    }
}

/// Fetches and reads the data package whose descriptor is at `relative` (resolved against the
/// page's base URL): the descriptor first (handed to `read_descriptor` as soon as it is read, with
/// its URL), then every CSV it names, all at once, each read once it has arrived (the regions,
/// read first, are handed to `regions_read` as soon as they are). A CSV that
/// cannot be fetched is reported among the package's problems (with its URL and status) and the
/// rest still loads; a descriptor that cannot be fetched or read fails the whole load.
pub async fn load_package(relative: String, read_descriptor: impl FnOnce(&str, &Descriptor), regions_read: impl FnOnce(&[Region])) -> Result<Fetched, LoadError> {
    let url = absolute_url(&relative);
    let bytes = fetch_bytes(&url, TIMEOUT).await?;
    let file = relative.rsplit('/').next().unwrap_or(&relative).to_owned();
    let data_error = |error| LoadError::Data { url: url.clone(), error };
    let descriptor = Descriptor::parse(&file, decode::as_str(&file, &bytes).map_err(data_error)?).map_err(data_error)?;
    let mut files = vec![Published { path: file.clone(), len: bytes.len() as u64, crc: crc32fast::hash(&bytes) }];
    drop(bytes);

    let started = perf::now();
    let planned = package::files(&file, &descriptor);
    let mut incoming = HashMap::new();
    for (_, path) in &planned.0 {
        let (send, chunks) = futures::channel::mpsc::unbounded();
        let (resource_url, path_for_error) = (resolve(path, &url), path.clone());
        leptos::task::spawn_local(async move {
            let fetched = fetch(&resource_url, TIMEOUT, |chunk| {
                let _ = send.unbounded_send(Ok(chunk));
            })
            .await;
            // A file too large is located in the package's file; other failures name the URL.
            if let Err(e) = fetched {
                let problem = match e {
                    LoadError::Data { error, .. } => DataError { file: path_for_error, ..error },
                    other => DataError::unavailable(&path_for_error, other),
                };
                let _ = send.unbounded_send(Err(problem));
            }
        });
        incoming.insert(path.clone(), chunks);
    }
    read_descriptor(&url, &descriptor);
    let (arrived, waited) = (Rc::new(std::cell::RefCell::new(Vec::new())), Rc::new(Cell::new(0.0)));
    let mut loaded = package::read_files(&file, &descriptor, planned, |path| {
        let incoming = incoming.remove(path).ok_or_else(|| DataError::unavailable(path, "not fetched"))?;
        let (arrived, waited) = (arrived.clone(), waited.clone());
        Ok(Arriving { path: path.to_owned(), incoming, chunks: None, at: (0, 0), piece: Vec::new(), line_breaks: 0, arrived, waited, slices: Slices::new() })
    }, regions_read)
    .await;
    // Stories' views are checked against the charts the data makes.
    let stories = crate::present::check(&file, &loaded.dataset);
    loaded.problems.extend(stories);
    perf::mark(perf::DATA_READY);
    perf::measure_busy(perf::PARSE_VALIDATE, started, waited.get());
    let mut csvs = arrived.take();
    csvs.sort_by(|a, b| a.path.cmp(&b.path));
    files.extend(csvs);
    Ok(Fetched { url, dataset: Arc::new(loaded.dataset), problems: Arc::new(loaded.problems), files: Arc::new(files) })
}

/// The package's files fetched again for its download, each checked to be the bytes the portal
/// read; the first that is not is named.
pub async fn fetch_again(url: &str, files: &[Published]) -> Result<Vec<(Published, Received)>, Refetch> {
    let mut again = Vec::with_capacity(files.len());
    for file in files {
        let received = fetch_received(&resolve(&file.path, url), TIMEOUT).await.map_err(Refetch::Failed)?;
        if (received.len, received.crc) != (file.len, file.crc) {
            return Err(Refetch::Changed(file.path.clone()));
        }
        again.push((file.clone(), received));
    }
    Ok(again)
}

/// Why [`fetch_again`] did not get a package's files.
pub enum Refetch {
    Failed(LoadError),
    /// The file at this path is no longer what the portal read.
    Changed(String),
}

/// `path` resolved against the URL `base` (a resource path against its descriptor's URL).
fn resolve(path: &str, base: &str) -> String {
    web_sys::Url::new_with_base(path, base).map_or_else(|_| path.to_owned(), |u| u.href())
}
