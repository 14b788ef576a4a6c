//! The layers of `src/` import one way: each top-level module only from the modules below it in
//! [`LAYERS`], and the files of one folder never in a circle. Read from the source text, so a
//! new `use` that breaks the order fails here with the line to blame.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The top-level modules, bottom first: each may import only from those before it.
const LAYERS: &[&str] = &[
    "model", "text", "assets", "net", "sources", "clean", "load", "extract", "speakers", "export",
    "record", "store", "feeds", "app", "ui", "config", "tui", "cli",
];

/// Imports of one file: `(module, file-in-that-module)` for every `crate::a::b` and
/// `super::b` path outside comments and the test module. `folder` is the file's own module.
fn imports(source: &str, folder: &str) -> Vec<(String, String)> {
    let code: String =
        source.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    // Tests may reach anywhere; only the shipped code must keep the order.
    let code = code.split("#[cfg(test)]\nmod ").next().unwrap_or("");
    let mut out = Vec::new();
    for (prefix, base) in [("crate::", None), ("super::", Some(folder))] {
        for (at, _) in code.match_indices(prefix) {
            let rest = &code[at + prefix.len()..];
            for path in paths(rest) {
                let mut parts = path.split("::");
                let first = parts.next().unwrap_or("").to_string();
                let (module, file) = match base {
                    Some(folder) => (folder.to_string(), first),
                    None => (first, parts.next().unwrap_or("").to_string()),
                };
                out.push((module, file));
            }
        }
    }
    out
}

/// The paths at the start of `rest`: `a::b` alone, or each `a::b` of a `{a::b, c}` group.
fn paths(rest: &str) -> Vec<String> {
    let word = |s: &str| {
        s.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect::<String>()
    };
    let Some(group) = rest.strip_prefix('{') else { return vec![word(rest)] };
    let (mut depth, mut items, mut start) = (0, Vec::new(), 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.iter().map(|item| word(item.trim())).collect()
}

/// Every file under `src/`: its top-level module, its own name in that folder (`None` for the
/// module's root file), and its text.
fn files() -> Vec<(String, Option<String>, String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new("src").into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix("src").unwrap().with_extension("");
        let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        let module = parts[0].clone();
        let file = parts.get(1).filter(|f| *f != "mod").cloned();
        out.push((module, file, path.display().to_string(), fs::read_to_string(path).unwrap()));
    }
    out
}

/// A circle in `graph`, as the files on it, if there is one.
fn find_cycle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            return Some(path[at..].to_vec());
        }
        if done.iter().any(|n| n == node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.push(node.to_string());
        None
    }
    let mut done = Vec::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_import_only_the_layers_below() {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut wrong = Vec::new();
    for (module, _, path, text) in files() {
        if module == "lib" || module == "main" {
            continue;
        }
        let own =
            rank(&module).unwrap_or_else(|| panic!("{module} (in {path}) is missing from LAYERS"));
        for (to, _) in imports(&text, &module) {
            if rank(&to).is_some_and(|r| r > own) {
                wrong.push(format!("{path}: `{module}` imports `{to}`, a layer above it"));
            }
        }
    }
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn files_of_one_folder_import_each_other_in_no_circle() {
    let all = files();
    let mut graphs: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (module, file, _, text) in &all {
        let Some(file) = file else { continue };
        let siblings =
            |name: &str| all.iter().any(|(m, f, ..)| m == module && f.as_deref() == Some(name));
        let graph = graphs.entry(module.clone()).or_default();
        let edges = graph.entry(file.clone()).or_default();
        for (to_module, to_file) in imports(text, module) {
            if &to_module == module
                && &to_file != file
                && siblings(&to_file)
                && !edges.contains(&to_file)
            {
                edges.push(to_file);
            }
        }
    }
    for (module, graph) in &graphs {
        let cycle = find_cycle(graph);
        assert!(cycle.is_none(), "src/{module}/ files import each other in a circle: {cycle:?}");
    }
}

#[test]
fn the_reader_of_imports_sees_groups_and_skips_comments_and_tests() {
    let source = "use crate::{app::App, store::{Location, Store}};\n// crate::cli in a comment\n\
                  use super::detect::Layout;\n#[cfg(test)]\nmod tests { use crate::cli; }\n";
    let found = imports(source, "sources");
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(found, [pair("app", "App"), pair("store", ""), pair("sources", "detect")]);
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), vec!["b".to_string()]);
    graph.insert("b".to_string(), vec!["a".to_string()]);
    assert_eq!(find_cycle(&graph), Some(vec!["a".to_string(), "b".to_string()]));
    assert!(Path::new("src/lib.rs").exists(), "run from the crate root");
}
