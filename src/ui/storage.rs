//! Small wrappers over `localStorage` that treat an unavailable store (private mode, disabled
//! storage) as empty rather than failing. An embed has no store: it follows its address and the
//! reader's system, not choices made on the portal itself.

fn store() -> Option<web_sys::Storage> {
    if super::embed::embedded() {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    store()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = store() {
        let _ = s.set_item(key, value);
    }
}
