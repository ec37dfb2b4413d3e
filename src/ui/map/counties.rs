//! The county boundary files a map has asked for: each fetched once, and added to the map's atlas
//! as it arrives, even before the map is first drawn (a county map asks for its provinces' files
//! as soon as the package's regions are read, while the rest of the data loads).

use leptos::prelude::*;
use leptos::task::spawn_local;
use rustc_hash::FxHashSet;

use crate::map::atlas::Atlas;

use super::{load_layers, Files};
use crate::ui::load::LoadError;

/// The county files asked for, those that failed, and the atlas they go into.
#[derive(Clone, Copy)]
pub(super) struct Counties {
    files: StoredValue<Files>,
    atlas: RwSignal<Atlas>,
    requested: RwSignal<FxHashSet<String>>,
    /// How many sets of files asked for together are still on their way.
    in_flight: RwSignal<usize>,
    /// The provinces whose county file could not be had, with why.
    pub errors: RwSignal<Vec<(String, LoadError)>>,
}

impl Counties {
    pub fn new(files: StoredValue<Files>, atlas: RwSignal<Atlas>) -> Counties {
        Counties { files, atlas, requested: RwSignal::new(FxHashSet::default()), in_flight: RwSignal::new(0), errors: RwSignal::new(Vec::new()) }
    }

    /// Whether every file asked for has arrived or failed (reactive).
    pub fn settled(self) -> bool {
        self.in_flight.get() == 0
    }

    /// Asks for the county files of `provinces` (two-digit prefixes) not asked for yet. The files
    /// asked for together are added to the atlas together: the map is redrawn once, not once per
    /// province (a county map of the country is 34 files and 2,875 paths).
    pub fn want(self, provinces: Vec<String>) {
        let Counties { files, atlas, requested, in_flight, errors } = self;
        let new: Vec<String> = provinces.into_iter().filter(|p| !requested.with_untracked(|r| r.contains(p))).collect();
        if new.is_empty() {
            return;
        }
        requested.update(|r| r.extend(new.iter().cloned()));
        in_flight.update(|n| *n += 1);
        spawn_local(async move {
            // Each file is added as it arrives, so that its decoded shapes go before the next
            // file's arrive; the map is told once, when all are in.
            let loads = new.into_iter().map(|p| async move {
                let loaded = load_layers(files.with_value(|f| f.county_url(&p))).await;
                loaded.map(|layers| atlas.update_untracked(|a| a.add(&layers))).map_err(|e| (p, e))
            });
            let (added, failed): (Vec<_>, Vec<_>) = futures::future::join_all(loads).await.into_iter().partition(Result::is_ok);
            let failed: Vec<(String, LoadError)> = failed.into_iter().filter_map(Result::err).collect();
            if !added.is_empty() {
                atlas.notify();
            }
            if !failed.is_empty() {
                errors.update(|v| v.extend(failed));
            }
            in_flight.update(|n| *n -= 1);
        });
    }
}
