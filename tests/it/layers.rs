//! The layers of `src/` import one another without loops: a module that
//! imports another (through any `crate::` path) is never imported back by
//! it, directly or around a circle. Test code is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Loops still open, each with what keeps it: none now. No loop may appear
/// unless named here.
const KNOWN: &[(&[&str], &str)] = &[];

/// Top-level module -> the top-level modules its code names.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![src.to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let rel = path.strip_prefix(src).unwrap();
        let top = rel.iter().next().unwrap().to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        let name = rel.file_name().unwrap().to_string_lossy();
        if top == "main" || top == "lib" || name == "tests.rs" || !name.ends_with(".rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        // Comments out; a `use` group may span lines.
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap().to_string() + "\n")
            .collect();
        let uses = graph.entry(top.clone()).or_default();
        for (i, _) in code.match_indices("crate::") {
            for name in named(&code[i + "crate::".len()..]) {
                if name != top {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

/// The modules named right after `crate::`: one, or a `{a, b::c}` group.
fn named(rest: &str) -> Vec<String> {
    let word = |s: &str| -> String {
        s.trim()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    match rest.strip_prefix('{') {
        Some(group) => {
            // Only the first word of each entry: `b::{c, d}` is `b`.
            let mut depth = 0;
            let mut names = Vec::new();
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.push(word(&group[start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(word(&group[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            names.retain(|n| !n.is_empty());
            names
        }
        None => vec![word(rest)],
    }
}

/// The groups of modules that reach one another (more than one each).
fn loops(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<BTreeSet<String>> {
    let names: Vec<String> = graph.keys().cloned().collect();
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for n in graph.get(&m).into_iter().flatten() {
                if seen.insert(n.clone()) {
                    todo.push(n.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<String, BTreeSet<String>> =
        names.iter().map(|n| (n.clone(), reach(n))).collect();
    let both_ways = |a: &String, b: &String| {
        a == b || (reached[a].contains(b) && reached.get(b).is_some_and(|r| r.contains(a)))
    };
    names
        .iter()
        .map(|a| {
            names
                .iter()
                .filter(|b| both_ways(a, b))
                .cloned()
                .collect::<BTreeSet<_>>()
        })
        .filter(|group| group.len() > 1)
        .collect()
}

#[test]
fn no_new_import_loops() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    assert!(graph.len() > 15, "{:?}", graph.keys());
    for group in loops(&graph) {
        let known = KNOWN.iter().find(|(names, _)| {
            names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>() == group
        });
        let edges: Vec<String> = group
            .iter()
            .flat_map(|a| {
                graph[a]
                    .iter()
                    .filter(|b| group.contains(*b))
                    .map(move |b| format!("{a} -> {b}"))
            })
            .collect();
        assert!(
            known.is_some(),
            "a loop between {group:?}: {}",
            edges.join(", ")
        );
    }
}

#[test]
fn the_scanner_sees_a_loop() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), ["b".to_string()].into());
    graph.insert("b".to_string(), ["c".to_string()].into());
    graph.insert("c".to_string(), ["a".to_string()].into());
    graph.insert("d".to_string(), ["a".to_string()].into());
    let found = loops(&graph);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found.into_iter().next().unwrap(),
        ["a", "b", "c"].map(String::from).into()
    );
    assert_eq!(named("{a, b::{c, d}, e};"), ["a", "b", "e"]);
    assert_eq!(named("{\n    a,\n    b::{c, d},\n};"), ["a", "b"]);
    assert_eq!(named("session::Mode"), ["session"]);
}
