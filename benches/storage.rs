//! How long loading and saving take: `cargo bench --bench storage`.
//! Plain std::time; each figure is the median of several runs.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use balcony::ronfile;
use balcony::session::{Session, store};

mod support;

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    support::median(runs, f)
}

fn ms(d: Duration) -> String {
    format!("{:>9.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "{:<8} {:>9} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "items",
        "bytes",
        "ron::from_str",
        "validate",
        "load_str",
        "load (file)",
        "to_pretty",
        "save (fsync)",
        "fsync floor"
    );
    for (items, runs) in [(200, 51), (10_000, 11)] {
        let session = balcony::sample::session(items, 1);
        let text = ronfile::to_pretty(&session).expect("encode");
        let path = dir.path().join(format!("bench-{items}.ron"));
        store::save(&path, &session).expect("save");

        let baseline = median(runs, || {
            black_box(ron::from_str::<Session>(black_box(&text)).expect("parse"));
        });
        let validate = median(runs, || {
            black_box(balcony::session::validate::session(black_box(&session)));
        });
        let load_str = median(runs, || {
            black_box(store::load_str(Path::new("bench.ron"), black_box(&text)).expect("load"));
        });
        let load = median(runs, || {
            black_box(store::load(&path).expect("load"));
        });
        let encode = median(runs, || {
            black_box(ronfile::to_pretty(black_box(&session)).expect("encode"));
        });
        let save = median(runs, || {
            store::save(&path, black_box(&session)).expect("save")
        });
        // The floor any durable save pays on this disk: the same bytes
        // written, fsynced, renamed and the folder fsynced, with plain std.
        let floor = median(runs, || {
            let temp = dir.path().join("floor.tmp");
            let mut f = std::fs::File::create(&temp).expect("create");
            std::io::Write::write_all(&mut f, text.as_bytes()).expect("write");
            f.sync_all().expect("fsync");
            std::fs::rename(&temp, dir.path().join("floor.ron")).expect("rename");
            std::fs::File::open(dir.path())
                .and_then(|d| d.sync_all())
                .expect("fsync dir");
        });
        println!(
            "{:<8} {:>9} {} {} {} {} {} {} {}",
            items,
            text.len(),
            ms(baseline),
            ms(validate),
            ms(load_str),
            ms(load),
            ms(encode),
            ms(save),
            ms(floor)
        );
    }
}
