//! Saving files the browser makes: a text or bytes as a download, and an SVG rasterized to PNG.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be made; the text is shown to the reader.
pub type Failed = String;

fn describe(e: JsValue) -> Failed {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

fn blob(parts: &JsValue, mime: &str) -> Result<web_sys::Blob, Failed> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(describe)
}

/// A blob of type `mime` made of `parts` (`Uint8Array`s and the like), which stay in the
/// browser's memory.
pub fn parts_blob(parts: &js_sys::Array, mime: &str) -> Result<web_sys::Blob, Failed> {
    blob(parts, mime)
}

/// A blob of `bytes` of type `mime`.
pub fn bytes_blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, Failed> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    blob(&parts, mime)
}

/// Offers `blob` to the reader as the file `name`.
pub fn save(blob: &web_sys::Blob, name: &str) -> Result<(), Failed> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(describe)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // The download has started; the address can go once the click is handled.
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(10));
    Ok(())
}

/// `svg` (a standalone SVG document `width` × `height` pixels) drawn as a PNG of the same size.
/// The browser draws the text with the fonts installed on the reader's system.
pub async fn png(svg: &str, width: u32, height: u32) -> Result<web_sys::Blob, Failed> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let source = bytes_blob(svg.as_bytes(), "image/svg+xml;charset=utf-8")?;
    let url = web_sys::Url::create_object_url_with_blob(&source).map_err(describe)?;
    let image = web_sys::HtmlImageElement::new().map_err(describe)?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|e| format!("the picture could not be drawn: {}", describe(e)))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(describe)?.unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(describe)?.ok_or("no 2D canvas")?.unchecked_into();
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(width), f64::from(height)).map_err(describe)?;
    let made = js_sys::Promise::new(&mut |resolve, reject| {
        let refuse = reject.clone();
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() { refuse.call1(&JsValue::NULL, &"the canvas made no PNG".into()) } else { resolve.call1(&JsValue::NULL, &blob) };
        });
        if let Err(e) = canvas.to_blob_with_type(done.unchecked_ref(), "image/png") {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    Ok(JsFuture::from(made).await.map_err(describe)?.unchecked_into())
}

/// The presentation properties copied onto each element of an exported picture, so it looks the
/// same without the page's stylesheet.
const STYLED: [&str; 9] = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-linejoin", "stroke-dasharray", "opacity", "font-size", "display"];

/// A standalone copy of the `<svg>` that `selector` finds, each element carrying its computed
/// style; with its `viewBox` width and height. Focus and hover outlines are left out.
pub fn standalone_svg(selector: &str) -> Result<(String, f64, f64), Failed> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let original = document.query_selector(selector).map_err(describe)?.ok_or_else(|| format!("nothing at {selector}"))?;
    let copy: web_sys::Element = original.clone_node_with_deep(true).map_err(describe)?.unchecked_into();
    let (from, to) = (original.query_selector_all("*").map_err(describe)?, copy.query_selector_all("*").map_err(describe)?);
    for i in 0..from.length().min(to.length()) {
        let (Some(a), Some(b)) = (from.item(i), to.item(i)) else { continue };
        let (a, b): (web_sys::Element, web_sys::Element) = (a.unchecked_into(), b.unchecked_into());
        if a.class_list().contains("region-ring") {
            b.remove();
            continue;
        }
        let Ok(Some(style)) = window.get_computed_style(&a) else { continue };
        let inline: String = STYLED.iter().filter_map(|p| style.get_property_value(p).ok().filter(|v| !v.is_empty()).map(|v| format!("{p}:{v};"))).collect();
        let _ = b.set_attribute("style", &inline);
    }
    let view_box = original.get_attribute("viewBox").unwrap_or_default();
    let numbers: Vec<f64> = view_box.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    let (w, h) = (numbers.get(2).copied().unwrap_or(0.0), numbers.get(3).copied().unwrap_or(0.0));
    if w <= 0.0 || h <= 0.0 {
        return Err(format!("{selector} has no viewBox"));
    }
    let text = web_sys::XmlSerializer::new().map_err(describe)?.serialize_to_string(&copy).map_err(describe)?;
    Ok((text, w, h))
}
