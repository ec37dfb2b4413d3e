//! `gongkai-check`: checks a data package before it is published, with the portal's own rules
//! and messages.
//!
//! ```text
//! gongkai-check [--lang zh-Hans|zh-Hant|en] path/to/datapackage.json
//! ```
//!
//! Prints one line per problem (file, row, column, value, reason) and exits with status 1 if
//! there is any problem, 2 if the arguments are wrong, 0 if the package is valid.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use gongkai::data::package;
    use gongkai::i18n::Locale;
    use std::process::ExitCode;

    let mut locale = Locale::ZhHans;
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => match args.next().as_deref().and_then(Locale::from_tag) {
                Some(l) => locale = l,
                None => return usage(),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() && !arg.starts_with('-') => path = Some(std::path::PathBuf::from(arg)),
            _ => return usage(),
        }
    }
    let Some(path) = path else { return usage() };

    match package::load_path(&path) {
        Err(problem) => {
            println!("{}", problem.message(locale));
            ExitCode::FAILURE
        }
        Ok(mut loaded) => {
            // Stories' views are checked against the charts the data makes.
            let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
            let stories = gongkai::present::check(&file, &loaded.dataset);
            loaded.problems.extend(stories);
            for problem in &loaded.problems {
                println!("{}", problem.message(locale));
            }
            let d = &loaded.dataset;
            let rows = d.regions.len() + d.sources.len() + d.indicators.len() + d.pairings.len() + d.observations.len() + d.funds.len() + d.commitments.len();
            eprintln!("{}: {} valid rows, {} problems", path.display(), rows, loaded.problems.len());
            if loaded.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: gongkai-check [--lang zh-Hans|zh-Hant|en] path/to/datapackage.json";

#[cfg(not(target_arch = "wasm32"))]
fn usage() -> std::process::ExitCode {
    eprintln!("{USAGE}");
    std::process::ExitCode::from(2)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
