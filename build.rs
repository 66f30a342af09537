//! Release builds of balcony place the functions its start-up runs side by
//! side at the front of the code (link/startup.order, made by
//! scripts/startup-order.sh): the first frame then faults in about 23 fewer
//! pages of code (BENCHMARKS.md). Debug builds and other targets link as
//! before.

fn main() {
    println!("cargo:rerun-if-changed=link/startup.order");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    // rust-lld, Rust's default linker for this target, reads the list;
    // names missing from the binary are skipped without a word.
    let target = std::env::var("TARGET").unwrap_or_default();
    if release && target == "x86_64-unknown-linux-gnu" {
        let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
        let list = std::path::Path::new(&dir).join("link/startup.order");
        if list.is_file() {
            println!(
                "cargo:rustc-link-arg-bin=balcony=-Wl,--symbol-ordering-file={}",
                list.display()
            );
            println!("cargo:rustc-link-arg-bin=balcony=-Wl,--no-warn-symbol-ordering");
        }
    }
}
