//! The codemod registry and the one pass that runs them all over a parsed file.
//!
//! A codemod is `src/codemods/<rule_id>.rs` (metadata, what it matches, options and check),
//! `codemods/<rule-id>.md` (its documentation) and, for a syntactic pattern only,
//! `codemods/<rule-id>.scm` (its tree-sitter query), found by convention through the
//! `codemod!` macro, plus one line in `CODEMODS` below. The engine finds the file's
//! `pulumi_aws` constructions from the text and hands each to the codemods that declared its
//! class; a query is compiled the first time a file holds one of its trigger words, and run
//! only around them.

use crate::edit::{Edit, Fix, LineLength, Style};
use crate::layout;
use crate::pulumi::imports::{aws_key, aws_type};
use crate::pulumi::symbols::Holder;
use crate::pulumi::{Imports, Major, ResourceCall, Symbols, Tables, opts};
use crate::source::NodeKind;
use crate::source::Seeker;
use crate::suppression::Directives;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use options::{CheckOptions, Options, RuleOption};
pub use settings::Settings;
use std::any::{Any, TypeId};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use std::sync::OnceLock;
use tree_sitter::{Node, Query, QueryCapture, QueryCursor, StreamingIterator, Tree};

mod autoscaling_target_depends_on;
mod deprecated_argument;
mod ecr_force_delete;
mod ecs_container_health_check;
mod ecs_secret_json_key;
mod ecs_service_depends_on;
mod ecs_service_deployment_config;
mod eip_domain_vpc;
mod hardcoded_db_password;
mod iam_wildcard_resource;
mod lambda_runtime_outdated;
mod missing_import;
mod nat_gateway_depends_on;
pub mod options;
mod output_as_string;
pub(crate) mod rds_backup_retention;
mod rds_endpoint_split;
mod resource_in_apply;
mod resource_option_argument;
pub mod settings;
mod sg_rule_description;
mod unknown_argument;
pub(crate) use unknown_argument::closest;
mod unknown_name;
mod unknown_resource;
pub mod unused_ignore;
mod upgrade_v6_manual;
mod upgrade_v6_rename;
mod upgrade_v7_argument;
mod upgrade_v7_bucket_v2;
mod upgrade_v7_default;
pub mod upgrade_v7_dependency_pin;
mod upgrade_v7_enum;
mod upgrade_v7_function;
mod upgrade_v7_manual;
mod upgrade_v7_unsafe_argument;

/// Every codemod, in the order `--list-rules` shows them.
pub static CODEMODS: &[&Codemod] = &[
    &eip_domain_vpc::CODEMOD,
    &ecr_force_delete::CODEMOD,
    &rds_backup_retention::CODEMOD,
    &ecs_service_deployment_config::CODEMOD,
    &sg_rule_description::CODEMOD,
    &nat_gateway_depends_on::CODEMOD,
    &ecs_service_depends_on::CODEMOD,
    &autoscaling_target_depends_on::CODEMOD,
    &rds_endpoint_split::CODEMOD,
    &resource_in_apply::CODEMOD,
    &hardcoded_db_password::CODEMOD,
    &iam_wildcard_resource::CODEMOD,
    &ecs_container_health_check::CODEMOD,
    &ecs_secret_json_key::CODEMOD,
    &unknown_argument::CODEMOD,
    &unknown_resource::CODEMOD,
    &unknown_name::CODEMOD,
    &deprecated_argument::CODEMOD,
    &upgrade_v7_argument::CODEMOD,
    &upgrade_v7_function::CODEMOD,
    &upgrade_v7_dependency_pin::CODEMOD,
    &upgrade_v7_manual::CODEMOD,
    &upgrade_v7_bucket_v2::CODEMOD,
    &upgrade_v7_default::CODEMOD,
    &upgrade_v7_unsafe_argument::CODEMOD,
    &upgrade_v7_enum::CODEMOD,
    &upgrade_v6_rename::CODEMOD,
    &upgrade_v6_manual::CODEMOD,
    &upgrade_v7_dependency_pin::CODEMOD_V6,
    &resource_option_argument::CODEMOD,
    &missing_import::CODEMOD,
    &output_as_string::CODEMOD,
    &lambda_runtime_outdated::CODEMOD,
    &unused_ignore::CODEMOD,
];

/// Arguments that one codemod reports for every codemod that could (rule id, class, argument,
/// the pulumi-aws major it owns them in, or all). While the owner runs, the others leave the
/// argument alone, so that one argument makes one finding: `vpc` on `Eip` is the catalog
/// rule's in 6.x, where it is deprecated, and `unknown-argument`'s in 7.x, where it is a
/// `TypeError`; both write the same fix.
pub static OWNED_ARGUMENTS: &[(&str, &str, &str, Option<Major>)] = &[
    ("eip-domain-vpc", "ec2.Eip", "vpc", Some(Major::V6)),
    ("eip-domain-vpc", "ec2.EipArgs", "vpc", Some(Major::V6)),
    ("unknown-argument", "ec2.Eip", "vpc", Some(Major::V7)),
    ("unknown-argument", "ec2.EipArgs", "vpc", Some(Major::V7)),
    (
        "ecs-service-deployment-config",
        "ecs.ServiceDeploymentConfigurationArgs",
        "maximum_percent",
        None,
    ),
    (
        "ecs-service-deployment-config",
        "ecs.ServiceDeploymentConfigurationArgs",
        "minimum_healthy_percent",
        None,
    ),
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

/// How bad a finding is: `Error` when the program fails as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

pub struct Codemod {
    /// The rule id users select, ignore and suppress: `eip-domain-vpc`.
    pub id: &'static str,
    /// One line: what the rule finds.
    pub title: &'static str,
    pub fix: FixAvailability,
    pub severity: Severity,
    pub default_enabled: bool,
    /// For the rules of `infra-fix upgrade --to N`: N. They run only under that command, and
    /// the checks only outside it.
    pub upgrade: Option<Major>,
    /// What it looks at: the engine calls `check` once per match of it.
    pub pattern: Pattern,
    /// What it accepts under `[rules.<id>]` in the configuration (its `.md` documents them).
    pub options: &'static [RuleOption],
    /// A check across its options once the configuration's values are read.
    pub check_options: Option<CheckOptions>,
    /// `codemods/<id>.md`: what it does, why, example, fix safety.
    pub docs: &'static str,
    /// Called once per match of the query; the match's nodes belong to the checker's tree.
    pub check: for<'t> fn(&mut Checker<'_, 't>, &Match<'_, 't>),
}

/// What a codemod looks at, declared with it: the engine resolves each construction of a
/// `pulumi_aws` class once per file and hands it only to the codemods that declared its class,
/// and runs a syntactic query only around its trigger words.
#[derive(Debug, Clone, Copy)]
pub enum Pattern {
    /// Constructions of these classes (`module.Class`, also through the SDK's file modules:
    /// `ec2.Eip`, `ec2.EipArgs`).
    Classes(&'static [&'static str]),
    /// Every construction of a class named the way the SDK exports it (the schema rules).
    AnyClass,
    /// A tree-sitter query, `codemods/<id>.scm`, for a syntactic pattern (`x.split(":")[0]`,
    /// `.apply(...)`), run only around the words its matches contain; a trigger `id=` is the
    /// word written as a keyword argument.
    Query {
        source: &'static str,
        triggers: &'static [&'static str],
    },
    /// Once per file, with the module (`missing-import`): the only codemods that also run on a
    /// file that does not import `pulumi_aws` yet.
    File,
    /// No Python: the project's dependency and stack files, which `lib.rs` hands to the rule's
    /// own entry point (`upgrade-v7-dependency-pin`).
    ProjectFiles,
    /// The `# infra-fix: ignore` comments, once every other rule's findings are known
    /// (`unused-ignore`): `check` runs it after suppressing them.
    IgnoreComments,
}

impl Pattern {
    /// A few words for the `--list-rules` table.
    pub fn short(&self) -> String {
        match self {
            Pattern::Classes([one]) => one.to_string(),
            Pattern::Classes([first, rest @ ..]) => format!("{first} +{}", rest.len()),
            Pattern::Classes([]) => String::new(),
            Pattern::AnyClass => "any class".to_string(),
            Pattern::Query { .. } => "query".to_string(),
            Pattern::ProjectFiles => "project files".to_string(),
            Pattern::IgnoreComments => "ignore comments".to_string(),
            Pattern::File => "the file".to_string(),
        }
    }

    /// One line for `explain` and `codemods/README.md`.
    pub fn describe(&self) -> String {
        match self {
            Pattern::Classes(classes) => {
                let names: Vec<String> = classes.iter().map(|c| format!("`aws.{c}`")).collect();
                names.join(", ")
            }
            Pattern::AnyClass => "every `pulumi_aws` class".to_string(),
            Pattern::Query { triggers, .. } => {
                let words: Vec<String> = triggers.iter().map(|t| format!("`{t}`")).collect();
                format!("query around {}", words.join(", "))
            }
            Pattern::ProjectFiles => "dependency files and `Pulumi.<stack>.yaml`".to_string(),
            Pattern::IgnoreComments => "the `# infra-fix: ignore` comments".to_string(),
            Pattern::File => "the whole file".to_string(),
        }
    }
}

/// Declares a codemod: `matches: classes["ecr.Repository"]` (or `classes(CONST)`), `matches: any_class`, or
/// `matches: query["split", "rsplit"]` (its query in `codemods/<id>.scm`, run around those
/// words); its docs live in `codemods/<id>.md`. Severity is `Warning` unless given. A codemod
/// with options lists their declarations, `options: [RETENTION_DAYS, ...]`, and may add
/// `check_options: f` for a check across them.
macro_rules! codemod {
    (
        id: $id:literal,
        title: $title:literal,
        fix: $fix:ident,
        $(severity: $severity:ident,)?
        $(upgrade: $upgrade:ident,)?
        matches: $kind:ident $([$($arg:tt)*])? $(($classes:expr))?,
        $(options: [$($option:expr),* $(,)?],)?
        $(check_options: $check_options:path,)?
        check: $check:path $(,)?
    ) => {
        $crate::codemods::Codemod {
            id: $id,
            title: $title,
            fix: $crate::codemods::FixAvailability::$fix,
            severity: codemod!(@severity $($severity)?),
            default_enabled: true,
            upgrade: codemod!(@upgrade $($upgrade)?),
            pattern: codemod!(@pattern $id, $kind $([$($arg)*])? $(($classes))?),
            options: &[$($($option),*)?],
            check_options: codemod!(@check_options $($check_options)?),
            docs: include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/codemods/",
                $id,
                ".md"
            )),
            check: $check,
        }
    };
    (@severity) => {
        $crate::codemods::Severity::Warning
    };
    (@severity $severity:ident) => {
        $crate::codemods::Severity::$severity
    };
    (@upgrade) => {
        None
    };
    (@check_options) => {
        None
    };
    (@check_options $check:path) => {
        Some($check)
    };
    (@pattern $id:literal, classes [$($class:literal),* $(,)?]) => {
        $crate::codemods::Pattern::Classes(&[$($class),*])
    };
    (@pattern $id:literal, classes ($classes:expr)) => {
        $crate::codemods::Pattern::Classes($classes)
    };
    (@pattern $id:literal, any_class) => {
        $crate::codemods::Pattern::AnyClass
    };
    (@pattern $id:literal, file) => {
        $crate::codemods::Pattern::File
    };
    (@pattern $id:literal, query [$($trigger:literal),* $(,)?]) => {
        $crate::codemods::Pattern::Query {
            source: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/codemods/", $id, ".scm")),
            triggers: &[$($trigger),*],
        }
    };
    (@upgrade $major:ident) => {
        Some($crate::pulumi::Major::$major)
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

/// An unknown rule id as a message shows it: quoted, with the id it is a typo of if any.
pub fn unknown_rule(id: &str) -> String {
    match closest(id, CODEMODS.iter().map(|c| c.id)) {
        Some(near) => format!("`{id}` (did you mean `{near}`?)"),
        None => format!("`{id}`"),
    }
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

    pub fn all() -> RuleSet {
        RuleSet {
            enabled: vec![true; CODEMODS.len()],
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

    /// True when the codemod `id` runs.
    pub fn runs(&self, id: &str) -> bool {
        find(id).is_some_and(|(i, _)| self.enabled[i])
    }
}

/// What infra-fix knows about a file beyond its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileSettings {
    /// The pulumi-aws major of the file's project; `None` when it is one infra-fix has no
    /// tables for, and the schema rules stay quiet.
    pub pulumi_aws: Option<Major>,
    /// Whether the dependency list beside the file (`requirements.txt`, `pyproject.toml`)
    /// names `pulumi-random`, whose classes a fix may write; `None` without such a list.
    pub pulumi_random_listed: Option<bool>,
    /// Set by `infra-fix upgrade`: only the upgrade rules run.
    pub upgrade: Option<Upgrade>,
    /// The widest line a fix may write, from the project's formatter configuration.
    pub line_length: LineLength,
}

/// `infra-fix upgrade --to N` for one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Upgrade {
    pub to: Major,
    /// The file's project is on the major before `to` (its dependency file says so): only
    /// then do the upgrade rules look at it. A project already on `to`, or on a major the
    /// step does not start from, is left alone.
    pub applies: bool,
}

impl Default for FileSettings {
    fn default() -> Self {
        FileSettings {
            pulumi_aws: Some(Major::NEWEST),
            pulumi_random_listed: None,
            upgrade: None,
            line_length: LineLength::default(),
        }
    }
}

/// A match of one codemod's query, with access to its captures by name.
pub enum Match<'m, 't> {
    /// For per-construction codemods: the construction, resolved once for all of them; its
    /// one capture is `@call`.
    Construction(&'m Construction<'t>),
    Query {
        captures: &'m [QueryCapture<'t>],
        query: &'static Query,
    },
    /// For per-file codemods (`Pattern::File`): the module; its capture is `@module`.
    File(Node<'t>),
}

impl<'t> Match<'_, 't> {
    pub fn node(&self, capture: &str) -> Option<Node<'t>> {
        match self {
            Match::Construction(c) => (capture == "call").then_some(c.resource.node),
            Match::File(module) => (capture == "module").then_some(*module),
            Match::Query { captures, query } => {
                let index = query.capture_index_for_name(capture)?;
                captures.iter().find(|c| c.index == index).map(|c| c.node)
            }
        }
    }

    /// The construction this match is, when it builds one of `types` (`ec2.Eip`).
    pub fn construction(&self, types: &[&str]) -> Option<ResourceCall<'t>> {
        let Match::Construction(c) = self else {
            return None;
        };
        let type_name = c.aws_type.as_deref()?;
        types.contains(&type_name).then(|| c.resource.clone())
    }

    /// The construction this match is, typed by its schema key (`ec2.Eip`, `Provider`), when it
    /// names a class the way the SDK exports it: what the schema rules check.
    pub fn schema_construction(&self) -> Option<ResourceCall<'t>> {
        let Match::Construction(c) = self else {
            return None;
        };
        let key = c.key.clone()?;
        Some(c.resource.clone().retyped(key))
    }
}

/// A construction of a `pulumi_aws` class, resolved once per file.
pub struct Construction<'t> {
    resource: ResourceCall<'t>,
    /// `module.Class`, also through the SDK's file modules.
    aws_type: Option<String>,
    /// The schema key, for a class named the way the SDK exports it.
    key: Option<String>,
}

impl<'t> Construction<'t> {
    /// The call.
    pub fn call(&self) -> Node<'t> {
        self.resource.node
    }

    /// Its `module.Class` (`ec2.Eip`, also through the SDK's file modules): what the symbol
    /// model's resources are typed by.
    pub fn aws_type(&self) -> Option<&str> {
        self.aws_type.as_deref()
    }

    /// The schema key of its class, when it names one the way the SDK exports it.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    fn resolve(call: Node<'t>, imports: &Imports, text: &str) -> Option<Construction<'t>> {
        let function = call.child_by_field_id(crate::source::fields().function)?;
        let path = imports.resolve(function, text)?;
        let (aws_type, key) = (aws_type(&path), aws_key(&path));
        let type_name = aws_type.clone().or_else(|| key.clone())?;
        Some(Construction {
            resource: ResourceCall::with_type(call, type_name)?,
            aws_type,
            key,
        })
    }
}

/// What each codemod gathered from the whole file, by codemod and type.
type Gathered = HashMap<(&'static str, TypeId), Rc<dyn Any>>;

/// What a codemod's check sees of the file, and where it reports.
pub struct Checker<'a, 't> {
    pub text: &'a str,
    pub tree: &'t Tree,
    pub imports: &'a Imports,
    /// The configuration that governs this file: rule set, rule options.
    settings: &'a Settings,
    /// What infra-fix knows of the file itself: its project's pulumi-aws major.
    pub file: &'a FileSettings,
    style: OnceCell<Style>,
    paths: RefCell<HashMap<usize, Option<Rc<str>>>>,
    /// The parent of each node some codemod climbed from, and of its ancestors (see `parent`).
    parents: RefCell<HashMap<usize, Option<Node<'t>>>>,
    symbols: OnceCell<Symbols<'a, 't>>,
    /// The file's `pulumi_aws` constructions, found once: by the engine for its dispatch, or
    /// when a codemod first asks.
    constructions: OnceCell<Vec<Node<'t>>>,
    /// The constructions resolved to their classes, once: for the dispatch and the symbol
    /// model.
    resolved: OnceCell<Rc<[Construction<'t>]>>,
    /// Every identifier written in the file, collected by one walk when first asked.
    identifiers: OnceCell<HashSet<&'a str>>,
    /// What codemods gathered once for the whole file (see `per_file`).
    gathered: RefCell<Gathered>,
    rule: &'static str,
    /// The running codemod's declared options.
    declared_options: &'static [RuleOption],
    findings: Vec<Finding>,
}

impl<'a, 't> Checker<'a, 't> {
    /// The `pulumi_aws` class that `call` constructs, if it is one of `types`.
    pub fn resource_call<'n>(&self, call: Node<'n>, types: &[&str]) -> Option<ResourceCall<'n>> {
        // Most calls are not one of `types`: compare the class name before resolving.
        let function = call.child_by_field_id(crate::source::fields().function)?;
        let last = self.imports.last_name(function, self.text)?;
        if !types.iter().any(|t| t.rsplit('.').next() == Some(last)) {
            return None;
        }
        let type_name = aws_type(&self.path_of(function)?)?;
        if !types.contains(&type_name.as_str()) {
            return None;
        }
        ResourceCall::with_type(call, type_name)
    }

    /// The dotted path a callee stands for, resolved once per file: several codemods ask for
    /// each construction.
    fn path_of(&self, function: Node) -> Option<Rc<str>> {
        let mut paths = self.paths.borrow_mut();
        let path = paths
            .entry(function.id())
            .or_insert_with(|| self.imports.resolve(function, self.text).map(Rc::from));
        path.clone()
    }

    /// The constructions, their parents remembered for `parent`.
    fn remember_parents(&self, found: Vec<(Node<'t>, Option<Node<'t>>)>) -> Vec<Node<'t>> {
        let mut parents = self.parents.borrow_mut();
        found
            .into_iter()
            .map(|(call, parent)| {
                parents.insert(call.id(), parent);
                call
            })
            .collect()
    }

    /// `node.parent()`, for a node of this file's tree, remembered with its ancestors' parents:
    /// tree-sitter finds a parent by descending from the root, so a codemod climbing from a
    /// node paid that descent at every step.
    pub fn parent(&self, node: Node<'t>) -> Option<Node<'t>> {
        if let Some(&known) = self.parents.borrow().get(&node.id()) {
            return known;
        }
        let mut parents = self.parents.borrow_mut();
        let mut current = self.tree.root_node();
        parents.insert(current.id(), None);
        while current.id() != node.id() {
            let Some(child) = current.child_with_descendant(node) else {
                // Not a node of this tree.
                return node.parent();
            };
            parents.insert(child.id(), Some(current));
            current = child;
        }
        parents[&node.id()]
    }

    /// The call `callee` is the callee of (`f` of `f(x)`, `o.m` of `o.m(x)`), when it is called
    /// with an argument list: what a query that stops at a callee leaves to its codemod.
    pub fn call_of(&self, callee: Node<'t>) -> Option<Node<'t>> {
        let call = self.parent(callee).filter(|p| p.kind_str() == "call")?;
        let f = crate::source::fields();
        (call.child_by_field_id(f.function) == Some(callee)
            && call
                .child_by_field_id(f.arguments)
                .is_some_and(|a| a.kind_str() == "argument_list"))
        .then_some(call)
    }

    /// The configuration that governs this file: rule set, fix applicability.
    pub fn settings(&self) -> &Settings {
        self.settings
    }

    /// The running codemod's options: configured, or the defaults it declares.
    pub fn options(&self) -> Options<'a> {
        self.settings.options.of(self.rule, self.declared_options)
    }

    /// The schema tables of the file's pulumi-aws major, loaded on first use.
    pub fn schema(&self) -> Option<&'static Tables> {
        self.file.pulumi_aws.map(Tables::get)
    }

    /// True when another running codemod reports argument `name` of class `key`.
    pub fn owned_elsewhere(&self, key: &str, name: &str) -> bool {
        OWNED_ARGUMENTS.iter().any(|&(rule, k, n, major)| {
            k == key
                && n == name
                && rule != self.rule
                && self.settings.rules.runs(rule)
                && major.is_none_or(|m| self.file.pulumi_aws == Some(m))
        })
    }

    /// The file's newline and quote style and its line length, computed when a fix first
    /// needs them.
    pub fn style(&self) -> &Style {
        self.style.get_or_init(|| Style {
            line_length: self.file.line_length,
            ..Style::of(self.text)
        })
    }

    /// Every construction of a `pulumi_aws` class in the file (see `constructions`).
    pub fn constructions(&self) -> &[Node<'t>] {
        self.constructions.get_or_init(|| {
            self.remember_parents(constructions(self.tree, self.text, self.imports))
        })
    }

    /// Which names hold which resources, built when a codemod first asks: most files never
    /// need it.
    pub fn symbols(&self) -> &Symbols<'a, 't> {
        self.symbols
            .get_or_init(|| symbols_of(self.text, self.tree, self.imports, &self.resolved()))
    }

    /// The constructions, resolved to their classes once per file.
    pub fn resolved(&self) -> Rc<[Construction<'t>]> {
        self.resolved
            .get_or_init(|| {
                self.constructions()
                    .iter()
                    .filter_map(|&call| Construction::resolve(call, self.imports, self.text))
                    .collect()
            })
            .clone()
    }

    /// The dependencies of `needed` that `call`'s `depends_on` does not list yet.
    pub fn missing_dependencies(
        &self,
        call: &ResourceCall<'t>,
        needed: Vec<Holder>,
    ) -> Vec<Holder> {
        opts::missing_dependencies(call, needed, self.imports, self.text, self.symbols())
    }

    /// The edits that add `deps` to `call`'s `depends_on`, or `None` when its options cannot
    /// be edited safely.
    pub fn add_depends_on(&self, call: &ResourceCall<'t>, deps: &[Holder]) -> Option<Vec<Edit>> {
        let deps: Vec<String> = deps.iter().map(|d| d.expr.clone()).collect();
        opts::add_depends_on(
            self.text,
            self.tree,
            self.imports,
            call,
            &deps,
            self.style(),
        )
    }

    /// True when `name` is written as an identifier anywhere in the file (a new name must not
    /// be). One walk per file, however often it is asked.
    pub fn identifier_in_file(&self, name: &str) -> bool {
        self.identifiers
            .get_or_init(|| {
                crate::source::every_node(self.tree)
                    .filter(|node| node.kind_str() == "identifier")
                    .map(|node| &self.text[node.byte_range()])
                    .collect()
            })
            .contains(name)
    }

    /// What the running codemod gathers from the whole file (an index of its resources),
    /// built on its first match and kept for the others: gathering it again for each
    /// construction was quadratic on one large file.
    pub fn per_file<T: 'static>(&self, gather: impl FnOnce(&Self) -> T) -> Rc<T> {
        let key = (self.rule, TypeId::of::<T>());
        if let Some(found) = self.gathered.borrow().get(&key) {
            return Rc::clone(found).downcast().expect("keyed by its type");
        }
        let gathered = Rc::new(gather(self));
        self.gathered.borrow_mut().insert(key, gathered.clone());
        gathered
    }

    /// True when this rule already reported `node` (a document dumped in two places).
    pub fn reported(&self, node: Node) -> bool {
        self.findings.iter().any(|f| {
            f.rule == self.rule && f.start == node.start_byte() && f.end == node.end_byte()
        })
    }

    pub fn src(&self, node: Node) -> &str {
        &self.text[node.byte_range()]
    }

    pub fn report(&mut self, node: Node, message: impl Into<String>, fix: Option<Fix>) {
        // A fix that makes a line too long breaks it as the file's formatter would.
        let fix = fix.map(|fix| layout::fit(fix, self.text, self.tree, self.style()));
        self.findings.push(Finding {
            rule: self.rule,
            start: node.start_byte(),
            end: node.end_byte(),
            message: message.into(),
            fix,
        });
    }
}

/// The calls `constructions` finds, as a query: constructions are found from the file's text
/// (each starts with a name bound to `pulumi_aws`) instead of by running this over the whole
/// tree, the same calls for a small part of the cost (a query pass costs about half a parse).
/// A test checks that the two find the same calls.
pub const CONSTRUCTION_QUERY: &str =
    "(call function: [(identifier) (attribute)] arguments: (argument_list)) @call";

/// How far above a trigger word a query's pattern may start (`x.split(":")[0]` starts three
/// levels above `split`).
const TRIGGER_REACH: usize = 4;

struct Engine {
    /// The codemods that declared each class (`ec2.Eip`), for constructions of it.
    by_class: HashMap<&'static str, Vec<usize>>,
    /// The codemods called for every construction of an exported class.
    any_class: Vec<usize>,
    /// The codemods called once per file.
    per_file: Vec<usize>,
    /// The other codemods' queries, each compiled when a file first needs it: compiling one
    /// costs milliseconds, and most runs of a few files need one or two, or none.
    queries: Vec<LazyQuery>,
}

/// One distinct query and the codemods that share it.
struct LazyQuery {
    source: &'static str,
    owners: Vec<usize>,
    compiled: OnceLock<Query>,
}

impl LazyQuery {
    fn get(&self) -> &Query {
        self.compiled.get_or_init(|| compile(self.source))
    }
}

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
        let mut by_class: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut any_class = Vec::new();
        let mut per_file = Vec::new();
        let mut queries: Vec<(String, LazyQuery)> = Vec::new();
        for (i, codemod) in CODEMODS.iter().enumerate() {
            match codemod.pattern {
                Pattern::Classes(classes) => {
                    for class in classes {
                        by_class.entry(class).or_default().push(i);
                    }
                }
                Pattern::AnyClass => any_class.push(i),
                Pattern::ProjectFiles | Pattern::IgnoreComments => {}
                Pattern::File => per_file.push(i),
                Pattern::Query { source, .. } => {
                    let key = normalized(source);
                    if let Some((_, q)) = queries.iter_mut().find(|(k, _)| *k == key) {
                        q.owners.push(i);
                    } else {
                        let query = LazyQuery {
                            source,
                            owners: vec![i],
                            compiled: OnceLock::new(),
                        };
                        queries.push((key, query));
                    }
                }
            }
        }
        Engine {
            by_class,
            any_class,
            per_file,
            queries: queries.into_iter().map(|(_, q)| q).collect(),
        }
    })
}

fn compile(source: &str) -> Query {
    Query::new(&crate::source::language(), source)
        .unwrap_or_else(|e| panic!("the codemod queries do not compile: {e}"))
}

/// Every construction of a `pulumi_aws` class in the file: calls whose callee starts with a
/// name bound to `pulumi_aws` (`aws.ec2.Eip(...)`, `ec2.Eip(...)`, `ElasticIp(...)`), found by
/// looking those names up in the text. In document order, each once, with its parent (met on
/// the way up: codemods ask for it, and tree-sitter finds a parent by descending from the root).
pub fn constructions<'t>(
    tree: &'t Tree,
    text: &str,
    imports: &Imports,
) -> Vec<(Node<'t>, Option<Node<'t>>)> {
    let mut hits: Vec<(usize, usize)> = imports
        .pulumi_aws_names()
        .flat_map(|name| crate::source::words(text, name).map(move |at| (at, at + name.len())))
        // The head of a callee goes on with `.` or `(`: most other hits are in imports
        // (`import pulumi_aws as aws`) and strings (`arn:aws:`), not worth finding the node of.
        .filter(|&(_, end)| matches!(next_token_byte(text, end), Some(b'.' | b'(')))
        .collect();
    hits.sort_unstable();
    let mut seeker = Seeker::new(tree);
    let mut calls = Vec::new();
    for (start, end) in hits {
        let node = seeker.seek(start, end);
        if node.kind_str() != "identifier" || node.start_byte() != start || node.end_byte() != end {
            continue;
        }
        // Up the attribute chain while the name stays at its head, then into the call.
        while let Some((parent, field)) = seeker.up() {
            match (parent.kind_str(), field) {
                ("attribute", Some("object")) => continue,
                ("call", Some("function")) => {
                    let f = crate::source::fields();
                    if parent
                        .child_by_field_id(f.arguments)
                        .is_some_and(|a| a.kind_str() == "argument_list")
                    {
                        calls.push((parent, seeker.up().map(|(grandparent, _)| grandparent)));
                    }
                }
                _ => {}
            }
            break;
        }
    }
    calls.dedup_by_key(|(c, _)| c.id());
    calls
}

/// The symbol model of a file, given its resolved constructions: those of a class named
/// `module.Class` are its resources.
fn symbols_of<'a, 't>(
    text: &'a str,
    tree: &'t Tree,
    imports: &'a Imports,
    resolved: &[Construction<'t>],
) -> Symbols<'a, 't> {
    let resources = resolved
        .iter()
        .filter(|c| c.aws_type.is_some())
        .map(|c| c.resource.clone())
        .collect();
    Symbols::with_resources(text, tree, imports, resources)
}

/// The symbol model as the engine builds it, from the constructions it found: for the test
/// that it holds what a model resolving every call holds.
#[doc(hidden)]
pub fn engine_symbols<'a, 't>(
    text: &'a str,
    tree: &'t Tree,
    imports: &'a Imports,
) -> Symbols<'a, 't> {
    let resolved: Vec<Construction> = constructions(tree, text, imports)
        .into_iter()
        .filter_map(|(call, _)| Construction::resolve(call, imports, text))
        .collect();
    symbols_of(text, tree, imports, &resolved)
}

/// The first byte of the next token after `at` in code: past spaces, line breaks, line
/// continuations and comments.
fn next_token_byte(text: &str, mut at: usize) -> Option<u8> {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        match b {
            b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\\' => at += 1,
            b'#' => at = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n),
            _ => return Some(b),
        }
    }
    None
}

/// Matches of the non-construction queries: around each trigger word of their codemods, or over
/// the whole tree for a codemod that has none.
fn query_matches<'t>(
    engine: &'static Engine,
    tree: &'t Tree,
    text: &str,
    rules: &RuleSet,
    force_whole_tree: bool,
) -> Vec<(usize, Vec<QueryCapture<'t>>)> {
    let mut found: Vec<(usize, Vec<QueryCapture<'t>>)> = Vec::new();
    let mut cursor = QueryCursor::new();
    // (query, its enabled codemods' trigger words), for the queries some enabled codemod owns.
    let wanted: Vec<(usize, Vec<&str>)> = engine
        .queries
        .iter()
        .enumerate()
        .filter_map(|(q, query)| {
            let enabled: Vec<usize> = query
                .owners
                .iter()
                .copied()
                .filter(|&i| rules.contains(i))
                .collect();
            let words = enabled.iter().flat_map(|&i| triggers(CODEMODS[i])).copied();
            (!enabled.is_empty()).then(|| (q, words.collect()))
        })
        .collect();
    let whole_tree = force_whole_tree || wanted.iter().any(|(_, words)| words.is_empty());
    if whole_tree {
        for (q, _) in wanted {
            let mut it = cursor.matches(engine.queries[q].get(), tree.root_node(), text.as_bytes());
            while let Some(m) = it.next() {
                found.push((q, m.captures.to_vec()));
            }
        }
        found.sort_by_key(|(_, captures)| captures.first().map(|c| c.node.start_byte()));
        return found;
    }
    let mut hits: Vec<(usize, usize, &str)> = wanted
        .iter()
        .flat_map(|(q, words)| {
            words.iter().flat_map(move |&trigger| {
                // `id=`: the word only where it is written as a keyword argument, not in
                // `vpc.id`, so that a file without one does not compile the query.
                let (word, keyword) = trigger
                    .strip_suffix('=')
                    .map_or((trigger, false), |word| (word, true));
                crate::source::words(text, word)
                    .filter(move |&at| !keyword || assigned_after(text, at + word.len()))
                    .map(move |at| (at, *q, word))
            })
        })
        .collect();
    hits.sort_unstable();
    hits.dedup();
    // Patterns rooted at or a few levels above each trigger, each (query, root) once.
    cursor.set_max_start_depth(Some(0));
    let mut seen = HashSet::new();
    let mut seeker = Seeker::new(tree);
    for (at, q, word) in hits {
        let query = engine.queries[q].get();
        let mut node = Some(seeker.seek(at, at + word.len()));
        for _ in 0..=TRIGGER_REACH {
            let Some(n) = node else { break };
            let mut it = cursor.matches(query, n, text.as_bytes());
            while let Some(m) = it.next() {
                if seen.insert((q, m.pattern_index, n.id())) {
                    found.push((q, m.captures.to_vec()));
                }
            }
            node = seeker.up().map(|(parent, _)| parent);
        }
    }
    found.sort_by_key(|(_, captures)| captures.first().map(|c| c.node.start_byte()));
    found
}

/// Whether `=` (not `==`) follows `end`, past white space.
fn assigned_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    rest.starts_with('=') && !rest.starts_with("==")
}

/// The matches of the non-construction queries, as (query, start byte of the first capture),
/// found around trigger words as the engine does, or (`whole_tree`) by a pass over the whole
/// tree: for the test that the two agree.
#[doc(hidden)]
pub fn query_match_starts(tree: &Tree, text: &str, whole_tree: bool) -> Vec<(usize, usize)> {
    let matches = query_matches(engine(), tree, text, &RuleSet::all(), whole_tree);
    let mut starts: Vec<(usize, usize)> = matches
        .iter()
        .map(|(p, captures)| {
            (
                *p,
                captures
                    .iter()
                    .map(|c| c.node.start_byte())
                    .min()
                    .unwrap_or(0),
            )
        })
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The words a query codemod's matches contain; none for the others.
fn triggers(codemod: &Codemod) -> &'static [&'static str] {
    match codemod.pattern {
        Pattern::Query { triggers, .. } => triggers,
        _ => &[],
    }
}

/// Compiles every query now, so that a broken one fails a test rather than a user's run.
pub fn compile_queries() {
    engine().queries.iter().for_each(|q| {
        q.get();
    });
    compile(CONSTRUCTION_QUERY);
}

/// Runs the enabled codemods over one parsed file: one query pass, then each match goes to
/// the codemod that owns its pattern. In a file that imports no `pulumi_aws` only the per-file
/// codemods run (`missing-import` may find it uses `aws.s3.Bucket` all the same).
pub fn check(text: &str, tree: &Tree, settings: &Settings, file: &FileSettings) -> Vec<Finding> {
    // The checks, or under `upgrade --to N` the rules of that upgrade, and those only where
    // the project is on the major before N.
    if file.upgrade.is_some_and(|u| !u.applies) {
        return Vec::new();
    }
    let mut rules = settings.rules.clone();
    for (i, codemod) in CODEMODS.iter().enumerate() {
        if codemod.upgrade != file.upgrade.map(|u| u.to) {
            rules.set(i, false);
        }
    }
    let engine = engine();
    let imports = Imports::of_file(tree, text);
    if crate::suppression::file_is_ignored(text, tree) {
        return Vec::new();
    }
    let per_file: Vec<usize> = engine
        .per_file
        .iter()
        .copied()
        .filter(|&i| rules.contains(i))
        .collect();
    // A file that does not import `pulumi_aws` (yet) gets only the per-file codemods, which may
    // add the import; the others see it on the next fix pass.
    if !imports.imports_pulumi_aws() {
        if per_file.is_empty() {
            return Vec::new();
        }
        for i in 0..CODEMODS.len() {
            if !per_file.contains(&i) {
                rules.set(i, false);
            }
        }
    }
    let rules = &rules;
    let wants_constructions = engine.any_class.iter().any(|&i| rules.contains(i))
        || engine
            .by_class
            .values()
            .flatten()
            .any(|&i| rules.contains(i));
    let calls = wants_constructions.then(|| constructions(tree, text, &imports));
    let matches = query_matches(engine, tree, text, rules, false);
    let mut checker = Checker {
        text,
        tree,
        imports: &imports,
        settings,
        file,
        style: OnceCell::new(),
        paths: RefCell::default(),
        parents: RefCell::default(),
        symbols: OnceCell::new(),
        constructions: OnceCell::new(),
        resolved: OnceCell::new(),
        identifiers: OnceCell::new(),
        gathered: RefCell::default(),
        rule: "",
        declared_options: &[],
        findings: Vec::new(),
    };
    let resolved = match calls {
        Some(calls) => {
            let calls = checker.remember_parents(calls);
            let _ = checker.constructions.set(calls);
            checker.resolved()
        }
        None => Rc::from([]),
    };
    // Each construction goes to the codemods that declared its class, in registry order.
    let dispatch = resolved.iter().flat_map(|c| {
        let mut wanted: Vec<usize> = c
            .aws_type
            .as_deref()
            .and_then(|t| engine.by_class.get(t))
            .into_iter()
            .flatten()
            .chain(engine.any_class.iter().filter(|_| c.key.is_some()))
            .copied()
            .filter(|&i| rules.contains(i))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        wanted.into_iter().map(move |i| (i, Match::Construction(c)))
    });
    let queried = matches.iter().flat_map(|(q, captures)| {
        let query = &engine.queries[*q];
        query
            .owners
            .iter()
            .filter(|&&i| rules.contains(i))
            .map(|&i| {
                let m = Match::Query {
                    captures,
                    query: query.get(),
                };
                (i, m)
            })
    });
    let whole_file = per_file.iter().map(|&i| (i, Match::File(tree.root_node())));
    for (i, m) in dispatch.chain(queried).chain(whole_file) {
        let codemod = CODEMODS[i];
        checker.rule = codemod.id;
        checker.declared_options = codemod.options;
        let first = checker.findings.len();
        (codemod.check)(&mut checker, &m);
        // `extend-safe-fixes` / `extend-unsafe-fixes` decide over the codemod's own choice.
        if let Some(applicability) = settings.applicability[i] {
            for fix in checker.findings[first..]
                .iter_mut()
                .filter_map(|f| f.fix.as_mut())
            {
                fix.applicability = applicability;
            }
        }
    }
    let mut findings = checker.findings;
    // Most files have no directive: then no finding needs its lines looked at.
    if memchr::memmem::find(text.as_bytes(), b"infra-fix: ignore").is_some() {
        let mut directives = Directives::of(text, tree);
        findings.retain(|f| !directives.suppress(text, tree, f.start, f.rule));
        // Only once every other rule's findings are known: what the directives suppressed.
        if rules.runs(unused_ignore::ID) {
            let mut unused = unused_ignore::findings(text, &directives, rules, file);
            unused.retain(|f| !directives.suppress(text, tree, f.start, f.rule));
            findings.extend(unused);
        }
    }
    findings.sort_by(|a, b| (a.start, a.rule).cmp(&(b.start, b.rule)));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_codemod_declares_what_it_matches() {
        let engine = engine();
        compile_queries();
        for (i, codemod) in CODEMODS.iter().enumerate() {
            match codemod.pattern {
                Pattern::Classes(classes) => {
                    assert!(!classes.is_empty(), "{}", codemod.id);
                    for class in classes {
                        // `module.Class`, as `aws_type` names a construction.
                        let (module, name) = class.split_once('.').expect(class);
                        assert!(
                            !module.is_empty()
                                && name.starts_with(|c: char| c.is_ascii_uppercase()),
                            "{}: {class}",
                            codemod.id
                        );
                        assert!(engine.by_class[class].contains(&i));
                    }
                }
                Pattern::AnyClass => assert!(engine.any_class.contains(&i)),
                Pattern::File => assert!(engine.per_file.contains(&i)),
                Pattern::ProjectFiles | Pattern::IgnoreComments => {}
                Pattern::Query { source, triggers } => {
                    // A whole-tree query pass costs about half a parse: every query names the
                    // words it runs around, and is not the construction pattern in disguise.
                    assert!(!triggers.is_empty(), "{} has no triggers", codemod.id);
                    assert_ne!(
                        normalized(source),
                        normalized(CONSTRUCTION_QUERY),
                        "{}",
                        codemod.id
                    );
                    assert!(engine.queries.iter().any(|q| q.owners.contains(&i)));
                }
            }
        }
    }

    /// `constructions` skips the names not followed by `.` or `(`: a callee written across
    /// lines, with comments and continuations, is still found, as resolving every call finds it.
    #[test]
    fn constructions_are_found_across_lines_and_comments() {
        let text = "import pulumi_aws as aws\nfrom pulumi_aws.ec2 import Eip\n\
            a = aws.ec2.Eip('a')\n\
            b = f(aws  # the module\n    .ec2\n    .Eip('b'))\n\
            c = aws \\\n    .ec2.Eip('c')\n\
            d = Eip ('d')\n\
            e = Eip(  # c\n    'e')\n\
            s = 'arn:aws:iam::aws.ec2'\n";
        let tree = crate::source::parse(text);
        let imports = Imports::of_file(&tree, text);
        let found: Vec<usize> = constructions(&tree, text, &imports)
            .iter()
            .map(|(call, _)| call.start_byte())
            .collect();
        let expected: Vec<usize> = crate::source::every_node(&tree)
            .filter(|&node| ResourceCall::resolve(node, &imports, text).is_some())
            .map(|node| node.start_byte())
            .collect();
        assert_eq!(expected.len(), 5);
        assert_eq!(found, expected);
    }

    #[test]
    fn options_are_valid_by_default_and_documented_as_declared() {
        use options::OptionKind;
        for codemod in CODEMODS {
            for option in codemod.options {
                let valid_default = match option.kind {
                    OptionKind::Integer {
                        min, max, default, ..
                    } => (min..=max).contains(&default),
                    OptionKind::OneOf { values, default } => values.contains(&default),
                    OptionKind::Text { parse, default, .. } => {
                        default.is_none_or(|d| parse(d).as_deref() == Some(d))
                    }
                };
                assert!(valid_default, "{}: {}", codemod.id, option.name);
            }
            // The `## Options` section's example table: one `name = value` line per option.
            let section = codemod
                .docs
                .split("\n## ")
                .find_map(|s| s.strip_prefix("Options\n"));
            let documented: Vec<&str> = section
                .into_iter()
                .flat_map(str::lines)
                .filter_map(|line| line.split_once(" = ").map(|(key, _)| key.trim()))
                .filter(|key| !key.starts_with('#'))
                .collect();
            let declared: Vec<&str> = codemod.options.iter().map(|o| o.name).collect();
            assert_eq!(documented, declared, "{}", codemod.id);
            assert_eq!(
                section.is_some(),
                !declared.is_empty(),
                "{}: an `## Options` section exactly when it has options",
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
