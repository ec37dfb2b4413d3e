//! The names index (`geo/names.json`, fetched on first need: a search, or an English page) and
//! the naming of divisions in the reader's language that it makes possible.

use std::sync::Arc;

use leptos::prelude::*;
use rustc_hash::FxHashMap;

use crate::map::names::localized;
use crate::map::search::Index;

use super::super::i18n::{use_i18n, I18n};
use super::super::load::LoadError;
use super::super::DataState;

async fn load_index(url: String) -> Result<Index, LoadError> {
    super::fetch_geo(url, Index::parse).await
}

/// The names index once wanted, with the data's own names (English, 繁體) as aliases.
#[derive(Clone, Copy)]
pub struct Naming {
    wanted: RwSignal<bool>,
    /// `None` until wanted, then the fetch's outcome.
    pub loaded: LocalResource<Option<Result<Index, LoadError>>>,
    pub index: Memo<Option<Arc<Index>>>,
    /// The data's regions by code: a county map names thousands of divisions.
    regions: Memo<Arc<FxHashMap<String, usize>>>,
    data: DataState,
    i18n: I18n,
}

impl Naming {
    /// Naming from the index at `url`; nothing is fetched until [`Naming::want`].
    pub fn new(url: String) -> Naming {
        let data = expect_context::<DataState>();
        let wanted = RwSignal::new(false);
        let loaded = LocalResource::new(move || {
            let (wanted, url) = (wanted.get(), url.clone());
            async move {
                if wanted {
                    Some(load_index(url).await)
                } else {
                    None
                }
            }
        });
        let index = Memo::new(move |_| {
            let mut index = loaded.get().flatten()?.ok()?;
            if let Some(d) = data.dataset.get() {
                for r in &d.regions {
                    index.alias(&r.code, [r.names.en.clone(), r.names.zh_hant.clone()]);
                }
            }
            Some(Arc::new(index))
        });
        let regions = Memo::new(move |_| {
            let mut by_code = FxHashMap::default();
            data.dataset.with(|d| d.iter().flat_map(|d| d.regions.iter().enumerate()).for_each(|(i, r)| _ = by_code.entry(r.code.clone()).or_insert(i)));
            Arc::new(by_code)
        });
        Naming { wanted, loaded, index, regions, data, i18n: use_i18n() }
    }

    /// Fetches the index if it has not been.
    pub fn want(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// What the division `code` (called `boundary_name` in the boundary file) is called in the
    /// reader's language. Reactive: it follows the locale, the data and the index.
    pub fn name(&self, code: &str, boundary_name: &str) -> String {
        let locale = self.i18n.locale.get();
        let dataset = self.data.dataset.get();
        let at = self.regions.with(|r| r.get(code).copied());
        let data = dataset.as_ref().zip(at).and_then(|(d, i)| d.regions.get(i)).map(|r| &r.names);
        // Only English reads the index (so a Chinese page does not redraw when it arrives).
        if locale != crate::i18n::Locale::En {
            return localized(locale, boundary_name, data, None);
        }
        self.index.with(|i| localized(locale, boundary_name, data, i.as_ref().and_then(|i| i.get(code))))
    }
}
