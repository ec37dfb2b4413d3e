//! Boundary files: any text is decoded or refused with an error naming the file. A decoded file
//! is projected into an atlas, and views of it are laid out and drawn as the map page does; a
//! layout is always a finite, non-empty box.
#![no_main]

use gongkai::geo::topojson::decode;
use gongkai::map::atlas::Atlas;
use gongkai_fuzz::text;
use libfuzzer_sys::fuzz_target;

const FILE: &str = "boundaries.topo.json";

fuzz_target!(|data: &[u8]| {
    let layers = match decode(FILE, &text(data)) {
        Ok(layers) => layers,
        Err(e) => return assert_eq!(e.file, FILE),
    };
    let atlas = Atlas::new(&layers);
    let at = std::iter::once(None).chain((0..atlas.divisions.len().min(16)).map(Some));
    for at in at {
        let layout = atlas.layout(at, at.is_none());
        assert!(layout.width.is_finite() && layout.height.is_finite() && layout.height > 0.0, "{layout:?}");
        let _ = atlas.maritime_path(&layout.fit);
        for child in atlas.children(at) {
            let _ = (atlas.path(child, &layout.fit), atlas.path_tenths(child, &layout.fit));
            let _ = atlas.visible(child, &layout.fit, layout.width, layout.height);
        }
        if let Some(i) = at {
            assert!(!atlas.chain(i).is_empty());
        }
    }
});
