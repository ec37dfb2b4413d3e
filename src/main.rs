//! Entry point: mounts the portal. Build and serve it with `tools/serve.sh`.

#[cfg(target_arch = "wasm32")]
fn main() {
    gongkai::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Gongkai portal runs in a browser: build and serve it with tools/serve.sh");
}
