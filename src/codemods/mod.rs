//! The codemod registry and the one pass that runs them all over a parsed file.
//!
//! A codemod is `src/codemods/<rule_id>.rs` (metadata and check), `codemods/<rule-id>.scm`
//! (its tree-sitter query) and `codemods/<rule-id>.md` (its documentation), found by
//! convention through the `codemod!` macro, plus one line in `CODEMODS` below. All queries are
//! compiled once per process into a single query, so each file is walked once for all of them.

use crate::edit::{Fix, Style};
use crate::pulumi::{Imports, ResourceCall};
use std::cell::OnceCell;
use std::sync::OnceLock;
use tree_sitter::{Node, Query, QueryCapture, QueryCursor, StreamingIterator, Tree};

mod ecr_force_delete;
mod ecs_service_deployment_config;
mod eip_domain_vpc;
mod rds_backup_retention;
mod sg_rule_description;

/// Every codemod, in the order `--list-rules` shows them.
pub static CODEMODS: &[&Codemod] = &[
    &eip_domain_vpc::CODEMOD,
    &ecr_force_delete::CODEMOD,
    &rds_backup_retention::CODEMOD,
    &ecs_service_deployment_config::CODEMOD,
    &sg_rule_description::CODEMOD,
];

/// What kind of fix a codemod offers, for `--list-rules` and the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    Safe,
    Unsafe,
    /// Safe in the common case, unsafe in some (the finding's fix says which).
    Sometimes,
    None,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Safe => "safe",
            FixAvailability::Unsafe => "unsafe",
            FixAvailability::Sometimes => "safe/unsafe",
            FixAvailability::None => "none",
        }
    }
}

pub struct Codemod {
    /// The rule id users select, ignore and suppress: `eip-domain-vpc`.
    pub id: &'static str,
    /// One line: what the rule finds.
    pub title: &'static str,
    pub fix: FixAvailability,
    pub default_enabled: bool,
    /// `codemods/<id>.scm`.
    pub query: &'static str,
    /// `codemods/<id>.md`: what it does, why, example, fix safety.
    pub docs: &'static str,
    /// Called once per match of the query.
    pub check: fn(&mut Checker, &Match),
}

/// Declares a codemod whose query and docs live in `codemods/<id>.scm` and `.md`.
macro_rules! codemod {
    (id: $id:literal, title: $title:literal, fix: $fix:ident, check: $check:path $(,)?) => {
        $crate::codemods::Codemod {
            id: $id,
            title: $title,
            fix: $crate::codemods::FixAvailability::$fix,
            default_enabled: true,
            query: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/codemods/",
                $id,
                ".scm"
            )),
            docs: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/codemods/",
                $id,
                ".md"
            )),
            check: $check,
        }
    };
}
use codemod;

pub fn find(id: &str) -> Option<(usize, &'static Codemod)> {
    CODEMODS
        .iter()
        .enumerate()
        .find(|(_, c)| c.id == id)
        .map(|(i, c)| (i, *c))
}

/// One problem in one file.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    /// Byte range of the flagged call or value in the text the codemods saw.
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub fix: Option<Fix>,
}

/// Which codemods run on a file.
#[derive(Debug, Clone)]
pub struct RuleSet {
    enabled: Vec<bool>,
}

impl RuleSet {
    pub fn defaults() -> RuleSet {
        RuleSet {
            enabled: CODEMODS.iter().map(|c| c.default_enabled).collect(),
        }
    }

    pub fn only(ids: &[&str]) -> RuleSet {
        RuleSet {
            enabled: CODEMODS.iter().map(|c| ids.contains(&c.id)).collect(),
        }
    }

    pub fn set(&mut self, index: usize, on: bool) {
        self.enabled[index] = on;
    }

    pub fn set_all(&mut self, on: bool) {
        self.enabled.iter_mut().for_each(|e| *e = on);
    }

    pub fn contains(&self, index: usize) -> bool {
        self.enabled[index]
    }
}

/// A match of one codemod's query, with access to its captures by name.
pub struct Match<'m, 't> {
    captures: &'m [QueryCapture<'t>],
    query: &'static Query,
}

impl<'t> Match<'_, 't> {
    pub fn node(&self, capture: &str) -> Option<Node<'t>> {
        let index = self.query.capture_index_for_name(capture)?;
        self.captures
            .iter()
            .find(|c| c.index == index)
            .map(|c| c.node)
    }
}

/// What a codemod's check sees of the file, and where it reports.
pub struct Checker<'a, 't> {
    pub text: &'a str,
    pub tree: &'t Tree,
    pub imports: &'a Imports,
    style: OnceCell<Style>,
    rule: &'static str,
    findings: Vec<Finding>,
}

impl<'t> Checker<'_, 't> {
    /// The `pulumi_aws` class that `call` constructs, if it is one of `types`.
    pub fn resource_call(&self, call: Node<'t>, types: &[&str]) -> Option<ResourceCall<'t>> {
        // Most calls are not one of `types`: compare the class name before resolving.
        let function = call.child_by_field_id(crate::source::fields().function)?;
        let last = self.imports.last_name(function, self.text)?;
        if !types.iter().any(|t| t.rsplit('.').next() == Some(last)) {
            return None;
        }
        ResourceCall::resolve(call, self.imports, self.text).filter(|c| c.is(types))
    }

    /// The file's newline and quote style, computed when a fix first needs it.
    pub fn style(&self) -> &Style {
        self.style.get_or_init(|| Style::of(self.text))
    }

    pub fn src(&self, node: Node) -> &str {
        &self.text[node.byte_range()]
    }

    pub fn report(&mut self, node: Node, message: impl Into<String>, fix: Option<Fix>) {
        self.findings.push(Finding {
            rule: self.rule,
            start: node.start_byte(),
            end: node.end_byte(),
            message: message.into(),
            fix,
        });
    }
}

/// Which part of the combined query a pattern came from.
enum Owner {
    Imports,
    /// The codemods whose query this is: codemods with the same query share one pattern, so
    /// the tree is matched once for all of them.
    Codemods(Vec<usize>),
}

struct Engine {
    query: Query,
    owners: Vec<Owner>,
}

/// How deep in the tree a pattern may start. Each enclosing node keeps its partial matches
/// alive while the query walks below it, so on 10,000 nested calls the pass would cost the
/// depth squared; real resource calls sit about 10 levels deep (12 at most in `testdata/`).
const MAX_START_DEPTH: u32 = 100;

/// Patterns every file needs, whatever codemods run: the imports.
const PRELUDE: &str = "[(import_statement) (import_from_statement)] @import\n";

/// A query without its comment lines and with white space folded, to find equal queries.
fn normalized(query: &str) -> String {
    let code = query.lines().filter(|l| !l.trim_start().starts_with(';'));
    code.flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut source = String::from(PRELUDE);
        // (offset in `source`, normalized query, owning codemods)
        let mut chunks: Vec<(usize, String, Vec<usize>)> = Vec::new();
        for (i, codemod) in CODEMODS.iter().enumerate() {
            let key = normalized(codemod.query);
            match chunks.iter_mut().find(|(_, k, _)| *k == key) {
                Some((_, _, owners)) => owners.push(i),
                None => {
                    chunks.push((source.len(), key, vec![i]));
                    source.push_str(codemod.query);
                    source.push('\n');
                }
            }
        }
        let query = Query::new(&crate::source::language(), &source)
            .unwrap_or_else(|e| panic!("the codemod queries do not compile: {e}"));
        let owners = (0..query.pattern_count())
            .map(|p| {
                let start = query.start_byte_for_pattern(p);
                match chunks.iter().rev().find(|(offset, _, _)| *offset <= start) {
                    Some((_, _, codemods)) => Owner::Codemods(codemods.clone()),
                    None => Owner::Imports,
                }
            })
            .collect();
        Engine { query, owners }
    })
}

/// Compiles every query now, so that a broken one fails a test rather than a user's run.
pub fn compile_queries() {
    engine();
}

/// Runs the enabled codemods over one parsed file: one query pass, then each match goes to
/// the codemod that owns its pattern. Files that import no `pulumi_aws` yield nothing.
pub fn check(text: &str, tree: &Tree, rules: &RuleSet) -> Vec<Finding> {
    let engine = engine();
    let mut cursor = QueryCursor::new();
    cursor.set_max_start_depth(Some(MAX_START_DEPTH));
    let mut imports = Imports::default();
    let mut matches: Vec<(&[usize], Vec<QueryCapture>)> = Vec::new();
    let mut it = cursor.matches(&engine.query, tree.root_node(), text.as_bytes());
    while let Some(m) = it.next() {
        match &engine.owners[m.pattern_index] {
            Owner::Imports => m
                .captures
                .iter()
                .for_each(|c| imports.add_statement(c.node, text)),
            Owner::Codemods(codemods) if codemods.iter().any(|&i| rules.contains(i)) => {
                matches.push((codemods, m.captures.to_vec()))
            }
            Owner::Codemods(_) => {}
        }
    }
    if !imports.imports_pulumi_aws() || crate::suppression::file_is_ignored(text, tree) {
        return Vec::new();
    }
    let mut checker = Checker {
        text,
        tree,
        imports: &imports,
        style: OnceCell::new(),
        rule: "",
        findings: Vec::new(),
    };
    for (codemods, captures) in &matches {
        for &i in codemods.iter().filter(|&&i| rules.contains(i)) {
            let codemod = CODEMODS[i];
            checker.rule = codemod.id;
            let m = Match {
                captures,
                query: &engine.query,
            };
            (codemod.check)(&mut checker, &m);
        }
    }
    let mut findings = checker.findings;
    findings.retain(|f| !crate::suppression::is_suppressed(text, tree, f.start, f.rule));
    findings.sort_by(|a, b| (a.start, a.rule).cmp(&(b.start, b.rule)));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_compiles_and_belongs_to_a_codemod() {
        let engine = engine();
        for (i, codemod) in CODEMODS.iter().enumerate() {
            assert!(
                engine
                    .owners
                    .iter()
                    .any(|o| matches!(o, Owner::Codemods(c) if c.contains(&i))),
                "{} has no query pattern",
                codemod.id
            );
        }
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        for (i, c) in CODEMODS.iter().enumerate() {
            assert!(
                c.id.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{}",
                c.id
            );
            assert_eq!(find(c.id).map(|(j, _)| j), Some(i), "duplicate id {}", c.id);
        }
    }
}
