//! Release builds of balcony place the functions its start-up runs side by
//! side at the front of the code (link/startup.order, made by
//! scripts/startup-order.sh): the first frame then faults in about 13 fewer
//! pages of code (BENCHMARKS.md). Debug builds and other targets link as
//! before.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=link/startup.order");
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let release = var("PROFILE") == "release";
    if !release || var("TARGET") != "x86_64-unknown-linux-gnu" || !default_linker_is_lld() {
        return;
    }
    let list = std::path::Path::new(&var("CARGO_MANIFEST_DIR")).join("link/startup.order");
    if list.is_file() {
        println!(
            "cargo:rustc-link-arg-bin=balcony=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        // Names missing from this build (another compiler's hashes) are
        // skipped: a stale list costs the ordering, not the build.
        println!("cargo:rustc-link-arg-bin=balcony=-Wl,--no-warn-symbol-ordering");
    }
}

/// rust-lld reads the list; GNU ld refuses the option. Rust links with
/// rust-lld on this target from 1.90 on, unless a linker is chosen.
fn default_linker_is_lld() -> bool {
    let chosen = std::env::var_os("RUSTC_LINKER").is_some()
        || std::env::var("CARGO_ENCODED_RUSTFLAGS")
            .is_ok_and(|f| f.contains("linker") || f.contains("fuse-ld"));
    if chosen {
        return false;
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (...)": the minor version.
    let text = String::from_utf8_lossy(&out.stdout);
    let minor = text
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|m| m >= 90)
}
