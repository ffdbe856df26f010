//! The symbol model of one file: which names, `self.` attributes and lists hold which
//! `pulumi_aws` resources, in which scope, so that cross-resource rules can tell what a
//! `depends_on` may reference. Built once per file by one iterative walk; resolution follows
//! names through at most `MAX_DEPTH` hops and answers `Unknown` whenever it is not certain.

use super::{Imports, ResourceCall};
use crate::source::NodeKind;
use crate::source::Seeker;
use crate::source::fields;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::cell::{Cell, OnceCell};
use std::collections::BTreeMap;
use tree_sitter::{Node, Tree};

/// How many names, calls and returns one resolution may follow.
const MAX_DEPTH: u32 = 8;

/// What an expression holds, as far as the file shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// One resource of this `module.Class`; `id` is its construction when that is certain.
    Resource {
        type_name: String,
        id: Option<usize>,
    },
    /// A list whose elements are all resources of this type.
    List {
        type_name: String,
    },
    Unknown,
}

impl Value {
    pub fn is(&self, types: &[&str]) -> bool {
        matches!(self, Value::Resource { type_name, .. } if types.contains(&type_name.as_str()))
    }

    pub fn id(&self) -> Option<usize> {
        match self {
            Value::Resource { id, .. } => *id,
            _ => None,
        }
    }
}

/// The value every one of `values` is, when they all agree (else, or with none, `Unknown`). A
/// resource's identity is kept only with `keep_identity`: a helper run many times, or a
/// parameter given by several calls, holds several resources, none of them in particular.
fn agreed(values: impl Iterator<Item = Value>, keep_identity: bool) -> Value {
    let mut result: Option<Value> = None;
    for value in values {
        let value = match value {
            Value::Resource { type_name, .. } if !keep_identity => Value::Resource {
                type_name,
                id: None,
            },
            other => other,
        };
        match &result {
            None => result = Some(value),
            Some(r) if *r == value => {}
            Some(_) => return Value::Unknown,
        }
    }
    result.unwrap_or(Value::Unknown)
}

/// A resource construction in the file.
pub struct Resource<'t> {
    pub call: ResourceCall<'t>,
    /// Inside a loop or a comprehension: one call site, several resources.
    pub repeated: bool,
}

/// An expression that holds a resource at some point of the file (`eip`, `self.igw`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub expr: String,
    pub id: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

struct Scope {
    kind: ScopeKind,
    /// The id of the module, `def`, `class`, lambda or comprehension node.
    node: usize,
    parent: Option<usize>,
    /// For a method: its class scope and the name of its first parameter (`self`).
    method_of: Option<(usize, String)>,
    /// The byte range of its node (the module's: all of the text).
    start: usize,
    end: usize,
}

/// What a binding assigns.
#[derive(Clone, Copy)]
enum Bound<'t> {
    Expr(Node<'t>),
    /// `for x in <iterable>`: an element of the iterable.
    ElementOf(Node<'t>),
    /// A parameter of a `def`: what its annotation names (`service: aws.ecs.Service`), else
    /// what every call of the function in the file passes for it.
    Parameter {
        def: Node<'t>,
        param: Node<'t>,
    },
    /// Anything we do not follow: parameters, tuple unpacking, `+=`, imports.
    Opaque,
}

#[derive(Clone, Copy)]
struct Binding<'t> {
    bound: Bound<'t>,
    /// Byte offset from which the binding exists (the end of its statement).
    at: usize,
    /// The scope the binding statement is in (for `self.x`: the method).
    scope: usize,
}

/// A binding target: a name of a scope, or an attribute of `self` in a class.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Target {
    Name(usize, String),
    Attr(usize, String),
}

/// The targets that hold a resource, each with what it holds wherever it is read from: by the
/// resource's type, and by its construction when they hold one (in both, in the order of
/// `bindings`).
struct Holding {
    by_type: HashMap<String, Vec<(Target, Value)>>,
    by_construction: HashMap<usize, Vec<(Target, Value)>>,
}

pub struct Symbols<'a, 't> {
    text: &'a str,
    imports: &'a Imports,
    pub resources: Vec<Resource<'t>>,
    resource_at: HashMap<usize, usize>,
    scopes: Vec<Scope>,
    scope_of_node: HashMap<usize, usize>,
    bindings: BTreeMap<Target, Vec<Binding<'t>>>,
    /// `<target>.append(<value>)` calls and `<target>[key] = <value>` assignments.
    appends: HashMap<Target, Vec<Node<'t>>>,
    /// Calls by the name they call (`make(...)`, `self.make(...)`: `make`), to find what a
    /// parameter is given.
    calls_by_name: HashMap<&'a str, Vec<Node<'t>>>,
    /// `def` names of each scope (methods under their class scope).
    functions: HashMap<(usize, String), Node<'t>>,
    /// Return values of each `def`, by the def's node id.
    returns: HashMap<usize, Vec<Node<'t>>>,
    /// Set when a resolution ran out of depth: its answer was `Unknown`.
    exhausted: Cell<bool>,
    /// Targets by the type of resource they hold, and by the construction when they hold one
    /// (see `targets_holding`).
    holding: OnceCell<Holding>,
    /// For each resource, the resources its arguments reference (see `references`).
    references: OnceCell<Vec<Vec<usize>>>,
    /// Built by `with_resources`: the resources were given (the walk only marks those built
    /// in a loop), and the walk skips imports and the expressions that bind nothing.
    abridged: bool,
}

/// Which nodes the walk may leave without looking inside.
#[derive(Clone, Copy)]
enum Skipped {
    /// A string, unless it interpolates (`{`).
    String,
    /// An expression that `Unvisited::binds_nothing`: an expression holds no statement, so
    /// what the model records in one is a call, a lambda, a comprehension or an assignment
    /// expression.
    Plain,
    /// An import statement: `visit` reads its names.
    Import,
    /// An assignment: `visit` binds its targets, and unless it assigns an assignment
    /// (`a = b = value`) what is inside is a plain expression or target.
    Assignment,
    No,
}

fn skipped_kind(kind: u16) -> Skipped {
    static KINDS: std::sync::OnceLock<Vec<Skipped>> = std::sync::OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let language = crate::source::language();
        let mut kinds = vec![Skipped::No; language.node_kind_count()];
        let mut set = |kind: &str, skipped: Skipped| {
            let id = language.id_for_node_kind(kind, true);
            assert_ne!(id, 0, "`{kind}` is a node kind of tree-sitter-python");
            kinds[usize::from(id)] = skipped;
        };
        set("string", Skipped::String);
        set("import_statement", Skipped::Import);
        set("import_from_statement", Skipped::Import);
        set("future_import_statement", Skipped::Import);
        set("assignment", Skipped::Assignment);
        for kind in [
            "keyword_argument",
            "pair",
            "dictionary",
            "list",
            "tuple",
            "set",
            "attribute",
            "subscript",
            "binary_operator",
            "comparison_operator",
            "boolean_operator",
            "not_operator",
            "unary_operator",
            "conditional_expression",
            "parenthesized_expression",
            "concatenated_string",
            "call",
        ] {
            set(kind, Skipped::Plain);
        }
        kinds
    });
    kinds.get(usize::from(kind)).copied().unwrap_or(Skipped::No)
}

/// What the abridged walk needs to know of a file to leave an expression unvisited.
struct Unvisited<'a> {
    /// The names the file's `def`s define: the model records the calls of those (what a
    /// parameter is given), and of `append`, and no other.
    defined: HashSet<&'a str>,
    /// Where each given construction starts, in order: one built in a loop is marked so.
    resources: Vec<usize>,
}

impl<'a> Unvisited<'a> {
    fn of(text: &'a str, resources: &[Resource]) -> Unvisited<'a> {
        let defined = crate::source::words(text, "def")
            .filter_map(|at| {
                let rest = text[at + 3..].trim_start();
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                (end > 0).then(|| &rest[..end])
            })
            .collect();
        Unvisited {
            defined,
            resources: resources.iter().map(|r| r.call.node.start_byte()).collect(),
        }
    }

    /// True when an expression binds and records nothing: its text holds no lambda,
    /// comprehension (`for`) or assignment expression (`:=`), no call of `append` or of a
    /// function the file defines, and, in a loop, no construction. A word inside a string only
    /// makes the model look.
    fn binds_nothing(&self, text: &str, range: std::ops::Range<usize>, in_loop: bool) -> bool {
        let inside = &text[range.clone()];
        let words = |word| crate::source::words(inside, word).next().is_some();
        if words("lambda") || words("for") || inside.contains(":=") {
            return false;
        }
        if in_loop {
            let first = self.resources.partition_point(|&at| at < range.start);
            if self.resources.get(first).is_some_and(|&at| at < range.end) {
                return false;
            }
        }
        // The name before each `(`: a call of it, or a word in a string (looked at too).
        !memchr::memchr_iter(b'(', inside.as_bytes()).any(|open| {
            let before = inside[..open].trim_end();
            let start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            let name = &before[start..];
            name == "append" || self.defined.contains(name)
        })
    }
}

impl<'a, 't> Symbols<'a, 't> {
    /// The model of a file from a walk of every node, resolving every call: what the engine's
    /// `with_resources` is held equal to, and what tests build.
    pub fn build(text: &'a str, tree: &'t Tree, imports: &'a Imports) -> Symbols<'a, 't> {
        Self::walk(text, tree, imports, None)
    }

    /// As `build`, given the file's `pulumi_aws` constructions already resolved, in document
    /// order and typed `module.Class` (the engine finds them by their names in the text):
    /// resolving every call of the file again was a third of the model's cost. It also skips
    /// the expressions whose text shows they bind nothing; `build` walks every node, and a
    /// test holds the two equal.
    pub fn with_resources(
        text: &'a str,
        tree: &'t Tree,
        imports: &'a Imports,
        resources: Vec<ResourceCall<'t>>,
    ) -> Symbols<'a, 't> {
        Self::walk(text, tree, imports, Some(resources))
    }

    fn walk(
        text: &'a str,
        tree: &'t Tree,
        imports: &'a Imports,
        known: Option<Vec<ResourceCall<'t>>>,
    ) -> Symbols<'a, 't> {
        let mut s = Symbols {
            text,
            imports,
            resources: Vec::new(),
            resource_at: HashMap::new(),
            scopes: vec![Scope {
                kind: ScopeKind::Module,
                node: tree.root_node().id(),
                parent: None,
                method_of: None,
                start: 0,
                end: usize::MAX,
            }],
            scope_of_node: HashMap::new(),
            bindings: BTreeMap::new(),
            appends: HashMap::new(),
            calls_by_name: HashMap::new(),
            functions: HashMap::new(),
            returns: HashMap::new(),
            exhausted: Cell::new(false),
            holding: OnceCell::new(),
            references: OnceCell::new(),
            abridged: known.is_some(),
        };
        for call in known.into_iter().flatten() {
            s.resource_at.insert(call.node.id(), s.resources.len());
            s.resources.push(Resource {
                call,
                repeated: false,
            });
        }
        let unvisited = s.abridged.then(|| Unvisited::of(text, &s.resources));
        let root = tree.root_node();
        s.scope_of_node.insert(root.id(), 0);
        // One cursor walk, in source order, without recursion. `frames` holds, for each node
        // on the cursor's path, the scope and loop flag its children are in. A def's
        // decorators and defaults, a comprehension's first iterable, belong to the enclosing
        // scope; the precision lost here only makes answers Unknown.
        let mut cursor = root.walk();
        let mut frames = vec![s.visit(root, 0, false)];
        let mut descend = true;
        loop {
            let moved = (descend && cursor.goto_first_child()) || {
                loop {
                    frames.pop();
                    if cursor.goto_next_sibling() {
                        break true;
                    }
                    if !cursor.goto_parent() {
                        break false;
                    }
                }
            };
            if !moved {
                return s;
            }
            let node = cursor.node();
            let (scope, in_loop) = *frames.last().expect("the parent's frame");
            // Tokens (anonymous nodes) bind nothing.
            frames.push(if node.is_named() {
                s.visit(node, scope, in_loop)
            } else {
                (scope, in_loop)
            });
            // Nor does the inside of a string without `{` (no f-string interpolation): most
            // of a program's nodes are in its strings. Nor, for the engine, an expression that
            // defines, binds and records nothing (`tags={"Name": "web"}`, a construction whose
            // arguments are such), or an import (`visit` reads what one binds).
            let inside = &text.as_bytes()[node.byte_range()];
            descend = match skipped_kind(node.kind_id()) {
                Skipped::String => memchr::memchr(b'{', inside).is_some(),
                Skipped::Plain => !unvisited
                    .as_ref()
                    .is_some_and(|u| u.binds_nothing(text, node.byte_range(), in_loop)),
                Skipped::Import => !s.abridged,
                Skipped::Assignment => !unvisited.as_ref().is_some_and(|u| {
                    u.binds_nothing(text, node.byte_range(), in_loop)
                        && node
                            .child_by_field_id(fields().right)
                            .is_none_or(|right| right.kind_str() != "assignment")
                }),
                Skipped::No => true,
            };
        }
    }

    fn t(&self, node: Node) -> &'a str {
        &self.text[node.byte_range()]
    }

    fn new_scope(&mut self, node: Node, kind: ScopeKind, parent: usize) -> usize {
        let method_of = (kind == ScopeKind::Function)
            .then(|| {
                let class = (self.scopes[parent].kind == ScopeKind::Class).then_some(parent)?;
                let first = node
                    .child_by_field_id(fields().parameters)?
                    .named_child(0)
                    .filter(|p| p.kind_str() == "identifier")?;
                Some((class, self.t(first).to_string()))
            })
            .flatten();
        self.scopes.push(Scope {
            kind,
            node: node.id(),
            parent: Some(parent),
            method_of,
            start: node.start_byte(),
            end: node.end_byte(),
        });
        let id = self.scopes.len() - 1;
        self.scope_of_node.insert(node.id(), id);
        id
    }

    fn bind(&mut self, target: Target, bound: Bound<'t>, at: usize, scope: usize) {
        self.bindings
            .entry(target)
            .or_default()
            .push(Binding { bound, at, scope });
    }

    /// Records what `node` binds or constructs; returns the scope and loop flag its children
    /// are in.
    fn visit(&mut self, node: Node<'t>, scope: usize, in_loop: bool) -> (usize, bool) {
        match node.kind_str() {
            "call" => {
                if self.abridged {
                    if let Some(&i) = self.resource_at.get(&node.id()) {
                        self.resources[i].repeated = in_loop;
                    }
                } else if let Some(call) = ResourceCall::resolve(node, self.imports, self.text) {
                    self.resource_at.insert(node.id(), self.resources.len());
                    self.resources.push(Resource {
                        call,
                        repeated: in_loop,
                    });
                }
                self.visit_append(node, scope);
                if let Some(name) = node
                    .child_by_field_id(fields().function)
                    .and_then(|f| match f.kind_str() {
                        "identifier" => Some(f),
                        "attribute" => f.child_by_field_id(fields().attribute),
                        _ => None,
                    })
                {
                    let name = self.t(name);
                    self.calls_by_name.entry(name).or_default().push(node);
                }
            }
            "function_definition" | "class_definition" => {
                if let Some(name) = node.child_by_field_id(fields().name) {
                    let name = self.t(name).to_string();
                    if node.kind_str() == "function_definition" {
                        self.functions.insert((scope, name.clone()), node);
                    }
                    self.bind(
                        Target::Name(scope, name),
                        Bound::Opaque,
                        node.start_byte(),
                        scope,
                    );
                }
                let kind = if node.kind_str() == "class_definition" {
                    ScopeKind::Class
                } else {
                    ScopeKind::Function
                };
                let inner = self.new_scope(node, kind, scope);
                if let Some(params) = node.child_by_field_id(fields().parameters) {
                    let def = (kind == ScopeKind::Function).then_some(node);
                    self.bind_parameters(params, inner, def);
                }
                return (inner, false);
            }
            "lambda" => {
                let inner = self.new_scope(node, ScopeKind::Lambda, scope);
                if let Some(params) = node.child_by_field_id(fields().parameters) {
                    self.bind_parameters(params, inner, None);
                }
                return (inner, false);
            }
            "list_comprehension"
            | "set_comprehension"
            | "dictionary_comprehension"
            | "generator_expression" => {
                let inner = self.new_scope(node, ScopeKind::Comprehension, scope);
                return (inner, true);
            }
            "for_in_clause" | "for_statement" => {
                if let (Some(left), Some(right)) = (
                    node.child_by_field_id(fields().left),
                    node.child_by_field_id(fields().right),
                ) {
                    self.bind_target(left, Bound::ElementOf(right), node.start_byte(), scope);
                }
                // A comprehension's scope is already a loop; a `for` body is one.
                if node.kind_str() == "for_statement" {
                    return (scope, true);
                }
            }
            "while_statement" => return (scope, true),
            "assignment" => {
                if let Some(left) = node.child_by_field_id(fields().left) {
                    let bound = match node.child_by_field_id(fields().right) {
                        // `a = b = value`: followed for neither, to stay simple.
                        Some(right) if right.kind_str() != "assignment" => Bound::Expr(right),
                        _ => Bound::Opaque,
                    };
                    if let (Bound::Expr(value), "subscript") = (bound, left.kind_str()) {
                        // `d[key] = value`: one more element of the container `d`.
                        self.add_element(left.child_by_field_id(fields().value), value, scope);
                    } else {
                        self.bind_target(left, bound, node.end_byte(), scope);
                    }
                }
            }
            "augmented_assignment" => {
                if let Some(left) = node.child_by_field_id(fields().left) {
                    self.bind_target(left, Bound::Opaque, node.end_byte(), scope);
                }
            }
            "named_expression" => {
                if let (Some(name), Some(value)) = (
                    node.child_by_field_id(fields().name),
                    node.child_by_field_id(fields().value),
                ) {
                    self.bind_target(name, Bound::Expr(value), node.end_byte(), scope);
                }
            }
            "as_pattern" => {
                if let Some(alias) = node.child_by_field_id(fields().alias) {
                    self.bind_target(alias, Bound::Opaque, node.start_byte(), scope);
                }
            }
            "import_statement" | "import_from_statement" if scope != 0 => {
                let mut cursor = node.walk();
                for name in node.children_by_field_name("name", &mut cursor) {
                    let bound = name.child_by_field_id(fields().alias).unwrap_or(name);
                    let local = self.t(bound).split('.').next().unwrap_or_default();
                    self.bind(
                        Target::Name(scope, local.to_string()),
                        Bound::Opaque,
                        node.start_byte(),
                        scope,
                    );
                }
            }
            "return_statement" => {
                if let (Some(value), Some(def)) = (node.named_child(0), self.def_of(scope)) {
                    self.returns.entry(def).or_default().push(value);
                }
            }
            _ => {}
        }
        (scope, in_loop)
    }

    /// The `def` node id of the function scope `scope` is (lambdas have no `return`).
    fn def_of(&self, scope: usize) -> Option<usize> {
        let s = &self.scopes[scope];
        (s.kind == ScopeKind::Function).then_some(s.node)
    }

    /// Binds a lambda's or a def's parameters; a def's are followed to their annotation and
    /// call sites.
    fn bind_parameters(&mut self, params: Node<'t>, scope: usize, def: Option<Node<'t>>) {
        let mut cursor = params.walk();
        for param in params.named_children(&mut cursor) {
            let name = match param.kind_str() {
                "identifier" => Some(param),
                _ => param
                    .child_by_field_id(fields().name)
                    .or_else(|| param.named_child(0))
                    .filter(|n| n.kind_str() == "identifier"),
            };
            if let Some(name) = name {
                let bound = match def {
                    Some(def) if matches!(param.kind_str(), "identifier" | "typed_parameter") => {
                        Bound::Parameter { def, param }
                    }
                    _ => Bound::Opaque,
                };
                self.bind(
                    Target::Name(scope, self.t(name).to_string()),
                    bound,
                    0,
                    scope,
                );
            }
        }
    }

    fn bind_target(&mut self, left: Node<'t>, bound: Bound<'t>, at: usize, scope: usize) {
        match left.kind_str() {
            "identifier" => {
                let target = Target::Name(scope, self.t(left).to_string());
                self.bind(target, bound, at, scope);
            }
            "attribute" => {
                if let Some(target) = self.self_attr(left, scope) {
                    self.bind(target, bound, at, scope);
                }
            }
            "pattern_list"
            | "tuple_pattern"
            | "list_pattern"
            | "list_splat_pattern"
            | "parenthesized_expression"
            | "tuple"
            | "list" => {
                let mut cursor = left.walk();
                let parts: Vec<Node<'t>> = left.named_children(&mut cursor).collect();
                for part in parts {
                    self.bind_target(part, Bound::Opaque, at, scope);
                }
            }
            _ => {}
        }
    }

    /// `self.x` inside a method of a class: the class's attribute `x`.
    fn self_attr(&self, attr: Node, scope: usize) -> Option<Target> {
        let object = attr.child_by_field_id(fields().object)?;
        let name = attr.child_by_field_id(fields().attribute)?;
        let (class, self_name) = self.method_of(scope)?;
        (object.kind_str() == "identifier" && self.t(object) == self_name)
            .then(|| Target::Attr(class, self.t(name).to_string()))
    }

    /// The class and `self` name of the method whose body holds `scope` (through lambdas and
    /// comprehensions, which see the method's `self`).
    fn method_of(&self, mut scope: usize) -> Option<(usize, &str)> {
        loop {
            let s = &self.scopes[scope];
            match s.kind {
                ScopeKind::Lambda | ScopeKind::Comprehension => scope = s.parent?,
                ScopeKind::Function => {
                    return s.method_of.as_ref().map(|(c, n)| (*c, n.as_str()));
                }
                _ => return None,
            }
        }
    }

    /// Records `value` as an element of the container `container` (a name or `self.x`).
    fn add_element(&mut self, container: Option<Node<'t>>, value: Node<'t>, scope: usize) {
        let Some(container) = container else { return };
        let target = match container.kind_str() {
            "identifier" => Some(Target::Name(scope, self.t(container).to_string())),
            "attribute" => self.self_attr(container, scope),
            _ => None,
        };
        if let Some(target) = target {
            self.appends.entry(target).or_default().push(value);
        }
    }

    fn visit_append(&mut self, call: Node<'t>, scope: usize) {
        let Some(function) = call.child_by_field_id(fields().function) else {
            return;
        };
        if function.kind_str() != "attribute"
            || function
                .child_by_field_id(fields().attribute)
                .is_none_or(|a| self.t(a) != "append")
        {
            return;
        }
        if let Some(value) = call
            .child_by_field_id(fields().arguments)
            .and_then(|a| a.named_child(0))
        {
            self.add_element(function.child_by_field_id(fields().object), value, scope);
        }
    }

    /// The scope `node` is in: the innermost scope whose node holds it, found by a binary
    /// search of the scopes (made in source order, so sorted by start) and a walk up from the
    /// last one that starts before it. A walk down the tree from the root was linear in the
    /// number of top-level statements: quadratic on one large file.
    fn scope_at(&self, node: Node) -> usize {
        let (start, end) = (node.start_byte(), node.end_byte());
        if start == end {
            // A zero-width (missing) node may sit on a scope's edge: ask its parents.
            return self.scope_by_parents(node);
        }
        // The scope node itself, or an ancestor with its range, is not inside it.
        let holds =
            |s: &Scope| s.start <= start && end <= s.end && (s.start, s.end) != (start, end);
        let mut scope = self.scopes.partition_point(|s| s.start <= start) - 1;
        while !holds(&self.scopes[scope]) {
            scope = self.scopes[scope]
                .parent
                .expect("the module holds every node");
        }
        scope
    }

    fn scope_by_parents(&self, node: Node) -> usize {
        let mut current = node.parent();
        while let Some(n) = current {
            if let Some(&s) = self.scope_of_node.get(&n.id()) {
                return s;
            }
            current = n.parent();
        }
        0
    }

    /// The scopes whose names code in `scope` sees, innermost first: class bodies are only
    /// seen from themselves.
    fn chain(&self, scope: usize) -> Vec<usize> {
        let mut chain = vec![scope];
        let mut current = self.scopes[scope].parent;
        while let Some(s) = current {
            if self.scopes[s].kind != ScopeKind::Class {
                chain.push(s);
            }
            current = self.scopes[s].parent;
        }
        chain
    }

    /// True when no `def` lies between `inner` and `outer` (code in `inner` runs where it
    /// stands, so a binding of `outer` must come before it).
    fn runs_inline(&self, inner: usize, outer: usize) -> bool {
        let mut s = inner;
        while s != outer {
            if matches!(self.scopes[s].kind, ScopeKind::Function | ScopeKind::Class) {
                return false;
            }
            match self.scopes[s].parent {
                Some(p) => s = p,
                None => return false,
            }
        }
        true
    }

    /// The construction `call` is, if it is a resource construction.
    pub fn resource_index(&self, call: Node) -> Option<usize> {
        self.resource_at.get(&call.id()).copied()
    }

    pub fn of_type<'s>(
        &'s self,
        types: &'s [&'s str],
    ) -> impl Iterator<Item = (usize, &'s Resource<'t>)> + 's {
        self.resources
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.call.is(types))
    }

    /// What `expr` holds where it stands.
    pub fn resolve(&self, expr: Node<'t>) -> Value {
        self.exhausted.set(false);
        self.value(expr, 0)
    }

    fn value(&self, expr: Node<'t>, depth: u32) -> Value {
        if depth > MAX_DEPTH {
            self.exhausted.set(true);
            return Value::Unknown;
        }
        // `d["api"]` of a dict literal without other elements: that entry exactly.
        if expr.kind_str() == "subscript"
            && let Some(entry) = self.keyed_entry(expr)
        {
            return self.value(entry, depth + 1);
        }
        match expr.kind_str() {
            "parenthesized_expression" => expr
                .named_child(0)
                .map_or(Value::Unknown, |e| self.value(e, depth + 1)),
            "call" => self.call_value(expr, depth),
            "identifier" => self.name_value(self.t(expr), expr, depth),
            "attribute" => {
                let scope = self.scope_at(expr);
                match self.self_attr(expr, scope) {
                    Some(target) => self.target_value(&target, expr, scope, depth),
                    None => Value::Unknown,
                }
            }
            "subscript" => match expr
                .child_by_field_id(fields().value)
                .map(|v| self.value(v, depth + 1))
            {
                Some(Value::List { type_name }) => Value::Resource {
                    type_name,
                    id: None,
                },
                _ => Value::Unknown,
            },
            "list" => {
                let mut cursor = expr.walk();
                let items: Vec<Node<'t>> = expr.named_children(&mut cursor).collect();
                self.list_of(items.into_iter().map(|i| self.value(i, depth + 1)))
            }
            // A dict is a container of its values, as a list is of its items.
            "dictionary" => {
                let mut cursor = expr.walk();
                let values: Vec<Node<'t>> = expr
                    .named_children(&mut cursor)
                    .filter(|pair| pair.kind_str() == "pair")
                    .filter_map(|pair| pair.child_by_field_id(fields().value))
                    .collect();
                if values.len() != expr.named_child_count() {
                    return Value::Unknown;
                }
                self.list_of(values.into_iter().map(|v| self.value(v, depth + 1)))
            }
            "list_comprehension" => expr
                .child_by_field_id(fields().body)
                .map_or(Value::Unknown, |b| {
                    self.list_of(std::iter::once(self.value(b, depth + 1)))
                }),
            _ => Value::Unknown,
        }
    }

    /// A list of these element values: all resources of one type, or unknown.
    fn list_of(&self, elements: impl Iterator<Item = Value>) -> Value {
        let mut type_name: Option<String> = None;
        for element in elements {
            match element {
                Value::Resource { type_name: t, .. }
                    if type_name.as_ref().is_none_or(|known| *known == t) =>
                {
                    type_name = Some(t)
                }
                _ => return Value::Unknown,
            }
        }
        match type_name {
            Some(type_name) => Value::List { type_name },
            // `[]`: an empty list, its elements come from appends.
            None => Value::List {
                type_name: String::new(),
            },
        }
    }

    fn call_value(&self, call: Node<'t>, depth: u32) -> Value {
        if let Some(&i) = self.resource_at.get(&call.id()) {
            return Value::Resource {
                type_name: self.resources[i].call.type_name.clone(),
                id: Some(i),
            };
        }
        // A helper that builds and returns a resource: `make_nat(...)`, `self._eip(...)`.
        let Some(returns) = self
            .called_def(call)
            .and_then(|d| self.returns.get(&d.id()))
        else {
            return Value::Unknown;
        };
        // The helper may run many times: what it returns has no single identity.
        agreed(returns.iter().map(|v| self.value(*v, depth + 1)), false)
    }

    /// The `def` of this file that `call` runs: a function of an enclosing scope, or a method
    /// of the enclosing class called through `self`.
    fn called_def(&self, call: Node<'t>) -> Option<Node<'t>> {
        let function = call.child_by_field_id(fields().function)?;
        let scope = self.scope_at(call);
        let def = match function.kind_str() {
            "identifier" => {
                let name = self.t(function);
                self.chain(scope)
                    .into_iter()
                    .find(|s| {
                        self.bindings
                            .contains_key(&Target::Name(*s, name.to_string()))
                    })
                    .and_then(|s| self.functions.get(&(s, name.to_string())))
            }
            "attribute" => {
                let object = function.child_by_field_id(fields().object);
                let method = function.child_by_field_id(fields().attribute);
                match (self.method_of(scope), object, method) {
                    (Some((class, self_name)), Some(o), Some(m)) if self.t(o) == self_name => {
                        self.functions.get(&(class, self.t(m).to_string()))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        def.copied()
    }

    /// What parameter `param` of `def` holds: the `pulumi_aws` class its annotation names,
    /// else what every call of `def` in the file passes for it, when they all agree (the
    /// construction itself when there is one call).
    fn parameter_value(&self, def: Node<'t>, param: Node<'t>, depth: u32) -> Value {
        let name_node = match param.kind_str() {
            "identifier" => param,
            _ => match param.named_child(0) {
                Some(n) if n.kind_str() == "identifier" => n,
                _ => return Value::Unknown,
            },
        };
        let passed = self.passed_value(def, param, name_node, depth);
        let annotated = param
            .child_by_field_id(fields().type_)
            .and_then(|annotation| {
                self.imports
                    .resolve(annotation.named_child(0).unwrap_or(annotation), self.text)
                    .and_then(|path| super::imports::aws_type(&path))
            });
        match annotated {
            Some(type_name) if !passed.is(&[type_name.as_str()]) => Value::Resource {
                type_name,
                id: None,
            },
            _ => passed,
        }
    }

    /// What every call of `def` in the file passes for `param`, when they all agree.
    fn passed_value(
        &self,
        def: Node<'t>,
        param: Node<'t>,
        name_node: Node<'t>,
        depth: u32,
    ) -> Value {
        let Some(def_name) = def.child_by_field_id(fields().name).map(|n| self.t(n)) else {
            return Value::Unknown;
        };
        let Some(params) = def.child_by_field_id(fields().parameters) else {
            return Value::Unknown;
        };
        let mut cursor = params.walk();
        let all: Vec<Node<'t>> = params.named_children(&mut cursor).collect();
        let Some(mut index) = all.iter().position(|p| p.id() == param.id()) else {
            return Value::Unknown;
        };
        let is_method = self
            .scope_of_node
            .get(&def.id())
            .is_some_and(|&s| self.scopes[s].method_of.is_some());
        if is_method {
            // Called as `self.method(...)`: `self` is not in the argument list.
            let Some(i) = index.checked_sub(1) else {
                return Value::Unknown;
            };
            index = i;
        }
        let name = self.t(name_node);
        let calls: Vec<Node<'t>> = self
            .calls_by_name
            .get(def_name)
            .into_iter()
            .flatten()
            .copied()
            .filter(|c| self.called_def(*c).is_some_and(|d| d.id() == def.id()))
            .collect();
        let mut given_values = Vec::with_capacity(calls.len());
        for call in &calls {
            let Some(arguments) = call.child_by_field_id(fields().arguments) else {
                return Value::Unknown;
            };
            let mut cursor = arguments.walk();
            let args: Vec<Node<'t>> = arguments
                .named_children(&mut cursor)
                .filter(|a| a.kind_str() != "comment")
                .collect();
            if args.iter().any(|a| a.kind_str().ends_with("splat")) {
                return Value::Unknown;
            }
            let keyword = args.iter().find_map(|a| {
                (a.kind_str() == "keyword_argument"
                    && a.child_by_field_id(fields().name).map(|n| self.t(n)) == Some(name))
                .then(|| a.child_by_field_id(fields().value))
                .flatten()
            });
            let given = keyword.or_else(|| {
                args.iter()
                    .filter(|a| a.kind_str() != "keyword_argument")
                    .nth(index)
                    .copied()
            });
            let Some(given) = given else {
                return Value::Unknown;
            };
            given_values.push(self.value(given, depth + 1));
        }
        // Several calls: several resources, none of them in particular.
        agreed(given_values.into_iter(), calls.len() == 1)
    }

    /// The entry `d["key"]` reads when `d` is a name or `self.` attribute assigned one dict
    /// literal and nothing else (no `d[k] = v`), and that literal has the key.
    fn keyed_entry(&self, subscript: Node<'t>) -> Option<Node<'t>> {
        let key = subscript.child_by_field_id(fields().subscript)?;
        let key = super::literal::string_value(key, self.text)?;
        let container = subscript.child_by_field_id(fields().value)?;
        let dict = match container.kind_str() {
            "dictionary" => container,
            "identifier" | "attribute" => {
                let assigned = self.assigned_once(container)?;
                if self.appends.contains_key(&self.target_of(container)?) {
                    return None;
                }
                assigned
            }
            _ => return None,
        };
        if dict.kind_str() != "dictionary" {
            return None;
        }
        let mut cursor = dict.walk();
        dict.named_children(&mut cursor).find_map(|pair| {
            let k = pair.child_by_field_id(fields().key)?;
            (pair.kind_str() == "pair" && super::literal::string_value(k, self.text) == Some(key))
                .then(|| pair.child_by_field_id(fields().value))
                .flatten()
        })
    }

    /// What a call of a helper of the file returns, when the helper has exactly one `return`
    /// with a value: `doc(arn)` for `def doc(arn): return {...}`.
    pub fn returned(&self, call: Node<'t>) -> Option<Node<'t>> {
        if call.kind_str() != "call" {
            return None;
        }
        match self.returns.get(&self.called_def(call)?.id())?.as_slice() {
            [value] => Some(*value),
            _ => None,
        }
    }

    /// The values appended (`<expr>.append(value)`) to the list that the name or `self.`
    /// attribute `expr` stands for, in source order.
    pub fn appended(&self, expr: Node<'t>) -> Vec<Node<'t>> {
        let Some(target) = self.target_of(expr) else {
            return Vec::new();
        };
        let mut values = self.appends.get(&target).cloned().unwrap_or_default();
        values.sort_by_key(|v| v.start_byte());
        values
    }

    /// The binding target the name or `self.` attribute `expr` stands for where it stands.
    fn target_of(&self, expr: Node<'t>) -> Option<Target> {
        let scope = self.scope_at(expr);
        match expr.kind_str() {
            "identifier" => {
                let name = self.t(expr).to_string();
                self.chain(scope)
                    .into_iter()
                    .map(|s| Target::Name(s, name.clone()))
                    .find(|t| self.bindings.contains_key(t))
            }
            "attribute" => self.self_attr(expr, scope),
            _ => None,
        }
    }

    /// The resources of the file that resource `index`'s arguments reference (`role.arn`,
    /// `self.db_secret.arn` inside an `Output.all(...)`, a name assigned once to an expression
    /// that does), each once. `opts=` is not read: `depends_on` orders, it does not use.
    pub fn references(&self, index: usize) -> &[usize] {
        let all = self.references.get_or_init(|| {
            self.resources
                .iter()
                .map(|r| {
                    let mut found = Vec::new();
                    let mut cursor = r.call.arguments.walk();
                    for argument in r.call.arguments.named_children(&mut cursor) {
                        let is_opts = argument.kind_str() == "keyword_argument"
                            && argument
                                .child_by_field_id(fields().name)
                                .is_some_and(|n| self.t(n) == "opts");
                        if !is_opts {
                            self.collect_references(argument, 0, &mut found);
                        }
                    }
                    found
                })
                .collect()
        });
        &all[index]
    }

    /// The resources of the file that the expression `node` references, as `references` reads
    /// them.
    pub fn referenced_in(&self, node: Node<'t>) -> Vec<usize> {
        let mut found = Vec::new();
        self.collect_references(node, 0, &mut found);
        found
    }

    /// Adds to `found` the resources `node` references, following names assigned once through
    /// a few hops.
    fn collect_references(&self, node: Node<'t>, hops: u32, found: &mut Vec<usize>) {
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            let is_reference = match n.kind_str() {
                "identifier" => n.parent().is_none_or(|p| {
                    !((p.kind_str() == "attribute"
                        && p.child_by_field_id(fields().attribute) == Some(n))
                        || (p.kind_str() == "keyword_argument"
                            && p.child_by_field_id(fields().name) == Some(n)))
                }),
                "attribute" => n
                    .child_by_field_id(fields().object)
                    .is_some_and(|o| o.kind_str() == "identifier"),
                _ => false,
            };
            if is_reference {
                match self.resolve(n) {
                    Value::Resource { id: Some(id), .. } => {
                        if !found.contains(&id) {
                            found.push(id);
                        }
                        continue;
                    }
                    Value::Unknown if hops < 3 => {
                        if let Some(value) = self.assigned_once(n) {
                            self.collect_references(value, hops + 1, found);
                        }
                    }
                    _ => {}
                }
                if n.kind_str() == "identifier" {
                    continue;
                }
            }
            let mut cursor = n.walk();
            stack.extend(n.named_children(&mut cursor).collect::<Vec<_>>());
        }
    }

    fn name_value(&self, name: &str, site: Node<'t>, depth: u32) -> Value {
        let scope = self.scope_at(site);
        for s in self.chain(scope) {
            let target = Target::Name(s, name.to_string());
            if self.bindings.contains_key(&target) {
                return self.target_value(&target, site, scope, depth);
            }
        }
        Value::Unknown
    }

    /// What `target` holds as seen from `site` (in scope `scope`): every binding must agree,
    /// and when the code runs inline one of them must come before the site.
    fn target_value(&self, target: &Target, site: Node<'t>, scope: usize, depth: u32) -> Value {
        if !self.visible(target, site, scope) {
            return Value::Unknown;
        }
        self.bound_value(target, depth)
    }

    /// True when a binding of `target` may have run before `site` (in scope `scope`) reads it.
    fn visible(&self, target: &Target, site: Node<'t>, scope: usize) -> bool {
        let Some(bindings) = self.bindings.get(target) else {
            return false;
        };
        bindings.iter().any(|b| match target {
            Target::Name(s, _) => !self.runs_inline(scope, *s) || b.at <= site.start_byte(),
            // Another method may run first; in the same method, the order is the text's.
            Target::Attr(..) => !self.runs_inline(scope, b.scope) || b.at <= site.start_byte(),
        })
    }

    /// What `target`'s bindings hold, wherever it is read from.
    fn bound_value(&self, target: &Target, depth: u32) -> Value {
        let Some(bindings) = self.bindings.get(target) else {
            return Value::Unknown;
        };
        let mut values = Vec::new();
        for binding in bindings {
            let value = match binding.bound {
                Bound::Expr(e) => self.value(e, depth + 1),
                Bound::ElementOf(iterable) => match self.value(iterable, depth + 1) {
                    Value::List { type_name } if !type_name.is_empty() => Value::Resource {
                        type_name,
                        id: None,
                    },
                    _ => Value::Unknown,
                },
                Bound::Parameter { def, param } => self.parameter_value(def, param, depth),
                Bound::Opaque => Value::Unknown,
            };
            values.push(value);
        }
        let single = values.len() == 1;
        match values
            .into_iter()
            .reduce(|a, b| if a == b { a } else { Value::Unknown })
        {
            Some(Value::Resource { type_name, id }) => Value::Resource {
                type_name,
                id: id.filter(|_| single),
            },
            Some(Value::List { type_name }) => {
                // A list's elements: its literal items and what is appended to it.
                let appended = self
                    .appends
                    .get(target)
                    .into_iter()
                    .flatten()
                    .map(|v| self.value(*v, depth + 1));
                let literal = (!type_name.is_empty()).then(|| Value::Resource {
                    type_name: type_name.clone(),
                    id: None,
                });
                match self.list_of(literal.into_iter().chain(appended)) {
                    Value::List { type_name } if !type_name.is_empty() => Value::List { type_name },
                    _ => Value::Unknown,
                }
            }
            _ => Value::Unknown,
        }
    }

    /// The targets whose bindings hold a resource of one of `types`, wherever they are read
    /// from: the only ones `holders` needs to look at (looking at every binding for every call
    /// was quadratic in the number of resources).
    fn targets_holding(&self, types: &[&str]) -> Vec<&(Target, Value)> {
        let index = &self.holding().by_type;
        types
            .iter()
            .filter_map(|t| index.get(*t))
            .flatten()
            .collect()
    }

    fn holding(&self) -> &Holding {
        self.holding.get_or_init(|| {
            let mut holding = Holding {
                by_type: HashMap::new(),
                by_construction: HashMap::new(),
            };
            for target in self.bindings.keys() {
                let value = self.bound_value(target, 0);
                if let Value::Resource { type_name, id } = &value {
                    if let Some(id) = id {
                        holding
                            .by_construction
                            .entry(*id)
                            .or_default()
                            .push((target.clone(), value.clone()));
                    }
                    holding
                        .by_type
                        .entry(type_name.clone())
                        .or_default()
                        .push((target.clone(), value));
                }
            }
            holding
        })
    }

    /// The expressions that hold a resource of one of `types` and may be written at `site`:
    /// names of the enclosing scopes and `self.` attributes of the enclosing class. Holders
    /// of the same construction are listed once (the innermost name first).
    pub fn holders(&self, site: Node<'t>, types: &[&str]) -> Vec<Holder> {
        self.holders_among(site, types, &self.targets_holding(types))
    }

    /// The first of `holders(site, [its type])` that holds construction `index`: only the
    /// names bound to it are looked at (asking `holders` for each of many resources of a type
    /// was quadratic).
    pub fn holder_of(&self, site: Node<'t>, index: usize) -> Option<Holder> {
        let types = [self.resources[index].call.type_name.as_str()];
        let candidates: Vec<&(Target, Value)> = self
            .holding()
            .by_construction
            .get(&index)
            .into_iter()
            .flatten()
            .collect();
        self.holders_among(site, &types, &candidates)
            .into_iter()
            .find(|h| h.id == Some(index))
    }

    /// `holders` among `candidates`, with what each holds (as `holding` found it): seen from
    /// `site`, a candidate holds that or, bound after it in code that runs inline, nothing.
    fn holders_among(
        &self,
        site: Node<'t>,
        types: &[&str],
        candidates: &[&(Target, Value)],
    ) -> Vec<Holder> {
        let scope = self.scope_at(site);
        let mut found: Vec<Holder> = Vec::new();
        let mut push = |target: &Target, expr: String, value: &Value| {
            if !value.is(types) || !self.visible(target, site, scope) {
                return;
            }
            let id = value.id();
            if id.is_some() && found.iter().any(|h| h.id == id) {
                return;
            }
            found.push(Holder { expr, id });
        };
        let chain = self.chain(scope);
        for (depth, s) in chain.iter().enumerate() {
            for (target, value) in candidates.iter().copied() {
                let Target::Name(ts, name) = target else {
                    continue;
                };
                // Shadowed by an inner scope's name.
                let shadowed = chain[..depth].iter().any(|inner| {
                    self.bindings
                        .contains_key(&Target::Name(*inner, name.clone()))
                });
                if ts == s && !shadowed {
                    push(target, name.clone(), value);
                }
            }
        }
        if let Some((class, self_name)) = self.method_of(scope) {
            for (target, value) in candidates.iter().copied() {
                if let Target::Attr(c, name) = target
                    && *c == class
                {
                    push(target, format!("{self_name}.{name}"), value);
                }
            }
        }
        found
    }

    /// The one expression assigned to the name `expr` (a local holding `ResourceOptions`,
    /// say), when the name is bound exactly once, before `expr`, in its own scope.
    pub fn single_assignment(&self, expr: Node<'t>) -> Option<Node<'t>> {
        if expr.kind_str() != "identifier" {
            return None;
        }
        let scope = self.scope_at(expr);
        let target = Target::Name(scope, self.t(expr).to_string());
        match self.bindings.get(&target)?.as_slice() {
            [
                Binding {
                    bound: Bound::Expr(value),
                    at,
                    ..
                },
            ] if *at <= expr.start_byte() => Some(*value),
            _ => None,
        }
    }

    /// The one expression ever assigned to `expr`, a name (looked up through the enclosing
    /// scopes, as Python does) or a `self.` attribute, when there is exactly one plain
    /// assignment (no other binding: no `+=`, loop target, parameter) and it is visible at
    /// `expr`. This is how a value written in a variable is followed to its literal.
    pub fn assigned_once(&self, expr: Node<'t>) -> Option<Node<'t>> {
        let scope = self.scope_at(expr);
        let target = self.target_of(expr)?;
        let [binding] = self.bindings.get(&target)?.as_slice() else {
            return None;
        };
        let Bound::Expr(value) = binding.bound else {
            return None;
        };
        let visible = match &target {
            Target::Name(s, _) => !self.runs_inline(scope, *s) || binding.at <= expr.start_byte(),
            Target::Attr(..) => {
                !self.runs_inline(scope, binding.scope) || binding.at <= expr.start_byte()
            }
        };
        visible.then_some(value)
    }

    /// The one expression ever assigned to the name that `left` binds (the left side of its
    /// assignment), when no other statement binds it: what every read of it holds.
    pub fn only_assignment(&self, left: Node<'t>) -> Option<Node<'t>> {
        let target = self.target_of(left)?;
        match self.bindings.get(&target)?.as_slice() {
            [
                Binding {
                    bound: Bound::Expr(value),
                    ..
                },
            ] => Some(*value),
            _ => None,
        }
    }

    /// Every place the name or `self.` attribute that `expr` stands for is read, over the
    /// whole file: the uses of the same binding (names are matched through their scope).
    pub fn reads_of(&self, expr: Node<'t>, root: Node<'t>) -> Vec<Node<'t>> {
        let Some(target) = self.target_of(expr) else {
            return Vec::new();
        };
        // The name (or attribute name) is found in the text first: looking at its few
        // occurrences is much cheaper than walking the whole tree.
        let word = match &target {
            Target::Name(_, name) => name.as_str(),
            Target::Attr(_, attribute) => attribute.as_str(),
        };
        let mut out = Vec::new();
        let within = root.byte_range();
        let mut seeker = Seeker::within(root);
        for start in crate::source::words(&self.text[within.clone()], word) {
            let start = within.start + start;
            let n = seeker.seek(start, start + word.len());
            if n.kind_str() != "identifier" || n.start_byte() != start {
                continue;
            }
            let parent = n.parent();
            let candidate = match &target {
                Target::Name(_, name) => {
                    let is_name_of = parent.is_some_and(|p| {
                        (p.kind_str() == "attribute"
                            && p.child_by_field_id(fields().attribute) == Some(n))
                            || (p.kind_str() == "keyword_argument"
                                && p.child_by_field_id(fields().name) == Some(n))
                    });
                    let scope = self.scope_at(n);
                    (!is_name_of
                        && self
                            .chain(scope)
                            .into_iter()
                            .map(|s| Target::Name(s, name.clone()))
                            .find(|t| self.bindings.contains_key(t))
                            .is_some_and(|t| t == target))
                    .then_some(n)
                }
                Target::Attr(..) => parent
                    .filter(|p| {
                        p.kind_str() == "attribute"
                            && p.child_by_field_id(fields().attribute) == Some(n)
                    })
                    .filter(|p| self.self_attr(*p, self.scope_at(*p)).as_ref() == Some(&target)),
            };
            let Some(read) = candidate else {
                continue;
            };
            let is_store = read.parent().is_some_and(|p| {
                matches!(p.kind_str(), "assignment" | "augmented_assignment")
                    && p.child_by_field_id(fields().left) == Some(read)
            });
            if !is_store {
                out.push(read);
            }
        }
        out.sort_by_key(|n| n.start_byte());
        out
    }

    /// True when `node` lies inside a lambda, comprehension or `def` that starts inside
    /// `within`: its names may be that construct's own parameters.
    pub fn in_nested_scope(&self, node: Node, within: Node) -> bool {
        let mut current = node.parent();
        while let Some(n) = current {
            if n.id() == within.id() {
                return false;
            }
            if self.scope_of_node.contains_key(&n.id()) {
                return true;
            }
            current = n.parent();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;

    /// Resolves the last expression statement of `program`, and lists the `types` holders
    /// visible there.
    fn at_end(program: &str, types: &[&str]) -> (Value, Vec<String>) {
        let tree = parse(program);
        let mut imports = Imports::default();
        let mut cursor = tree.walk();
        let mut last = None;
        let mut stack = vec![tree.root_node()];
        while let Some(n) = stack.pop() {
            if matches!(n.kind_str(), "import_statement" | "import_from_statement") {
                imports.add_statement(n, program);
            }
            if n.kind_str() == "expression_statement"
                && last.is_none_or(|l: Node| l.start_byte() < n.start_byte())
            {
                last = Some(n);
            }
            stack.extend(n.named_children(&mut cursor).collect::<Vec<_>>());
        }
        let symbols = Symbols::build(program, &tree, &imports);
        let expr = last.unwrap().named_child(0).unwrap();
        let holders = symbols
            .holders(expr, types)
            .into_iter()
            .map(|h| h.expr)
            .collect();
        (symbols.resolve(expr), holders)
    }

    fn type_of(program: &str) -> Option<String> {
        match at_end(program, &[]).0 {
            Value::Resource { type_name, .. } => Some(type_name),
            _ => None,
        }
    }

    const PRELUDE: &str = "import pulumi\nimport pulumi_aws as aws\n";

    #[test]
    fn names_attributes_lists_and_helpers_resolve() {
        for (body, expected) in [
            (
                "igw = aws.ec2.InternetGateway('g')\nigw\n",
                "ec2.InternetGateway",
            ),
            (
                "class C:\n    def __init__(self):\n        self.igw = aws.ec2.InternetGateway('g')\n    def other(self):\n        self.igw\n",
                "ec2.InternetGateway",
            ),
            (
                "class C:\n    def __init__(self):\n        self.nats = []\n        for i in range(2):\n            nat = aws.ec2.NatGateway(f'n{i}')\n            self.nats.append(nat)\n        self.nats[0]\n",
                "ec2.NatGateway",
            ),
            (
                "def make():\n    e = aws.ec2.Eip('e')\n    return e\neip = make()\neip\n",
                "ec2.Eip",
            ),
            (
                "eips = [aws.ec2.Eip(f'e{i}') for i in range(2)]\nfor e in eips:\n    e\n",
                "ec2.Eip",
            ),
            (
                "igw = aws.ec2.InternetGateway('g')\ndef f():\n    igw\n",
                "ec2.InternetGateway",
            ),
        ] {
            assert_eq!(
                type_of(&format!("{PRELUDE}{body}")).as_deref(),
                Some(expected),
                "{body}"
            );
        }
    }

    #[test]
    fn uncertain_resolution_is_unknown() {
        for body in [
            // Used before it is assigned.
            "igw\nigw = aws.ec2.InternetGateway('g')\n",
            // Two different values.
            "x = aws.ec2.Eip('e')\nx = None\nx\n",
            // A parameter.
            "def f(igw):\n    igw\n",
            // A local of another function.
            "def f():\n    igw = aws.ec2.InternetGateway('g')\ndef g():\n    igw\n",
            // Shadowed by a lambda parameter.
            "igw = aws.ec2.InternetGateway('g')\n(lambda igw: igw)\n",
            // `self` of another class.
            "class A:\n    def __init__(self):\n        self.igw = aws.ec2.InternetGateway('g')\nclass B:\n    def f(self):\n        self.igw\n",
            // A list with one unknown element.
            "xs = []\nxs.append(aws.ec2.Eip('e'))\nxs.append(other)\nxs[0]\n",
            // Self-reference does not loop.
            "x = x\nx\n",
        ] {
            assert_eq!(type_of(&format!("{PRELUDE}{body}")), None, "{body}");
        }
    }

    /// Every node of a program with each kind of scope: the binary search finds the scope of
    /// its nearest scope-making ancestor.
    #[test]
    fn scope_at_is_the_nearest_enclosing_scope() {
        let program = format!(
            "{PRELUDE}a = 1\n@deco(lambda q: q)\ndef f(x, y=lambda z: z + 1):\n    return [i for i in x if (lambda: i)()]\nclass C:\n    b = {{k: v for k, v in {{}}.items()}}\n    def m(self):\n        return sum(j for j in range(3))\nf(1)\n"
        );
        let tree = parse(&program);
        let imports = Imports::default();
        let symbols = Symbols::build(&program, &tree, &imports);
        let mut stack = vec![tree.root_node()];
        let mut checked = 0;
        while let Some(node) = stack.pop() {
            if node.start_byte() < node.end_byte() {
                assert_eq!(
                    symbols.scope_at(node),
                    symbols.scope_by_parents(node),
                    "{} `{}`",
                    node.kind_str(),
                    &program[node.byte_range()]
                );
                checked += 1;
            }
            let mut cursor = node.walk();
            stack.extend(node.children(&mut cursor));
        }
        assert!(symbols.scopes.len() > 8 && checked > 100);
    }

    #[test]
    fn holder_of_is_the_first_holder_of_that_construction() {
        let program = format!(
            "{PRELUDE}shared = aws.ec2.InternetGateway('s')\nagain = shared\nclass N:\n    def __init__(self):\n        self.igw = aws.ec2.InternetGateway('g')\n        shared = aws.ec2.InternetGateway('inner')\n        late = aws.ec2.InternetGateway('late')\n        pulumi.log.info('x')\n"
        );
        let tree = parse(&program);
        let mut imports = Imports::default();
        let mut cursor = tree.walk();
        for n in tree.root_node().named_children(&mut cursor) {
            if matches!(n.kind_str(), "import_statement" | "import_from_statement") {
                imports.add_statement(n, &program);
            }
        }
        let symbols = Symbols::build(&program, &tree, &imports);
        let site = program.find("pulumi.log").unwrap();
        let site = tree
            .root_node()
            .named_descendant_for_byte_range(site, site + 10)
            .unwrap();
        let types = ["ec2.InternetGateway"];
        let mut found = Vec::new();
        for index in 0..symbols.resources.len() {
            let first = symbols
                .holders(site, &types)
                .into_iter()
                .find(|h| h.id == Some(index));
            assert_eq!(symbols.holder_of(site, index), first);
            found.extend(first.map(|h| h.expr));
        }
        // The module's `shared` is shadowed by the method's; `again` still holds it.
        assert_eq!(found, ["again", "self.igw", "shared", "late"]);
    }

    #[test]
    fn holders_are_the_expressions_in_scope() {
        let (_, holders) = at_end(
            &format!(
                "{PRELUDE}shared = aws.ec2.InternetGateway('s')\nclass N:\n    def __init__(self):\n        self.igw = aws.ec2.InternetGateway('g')\n        local = aws.ec2.InternetGateway('l')\n        self.alias = local\n        late = None\n        pulumi.log.info('x')\n        early = aws.ec2.InternetGateway('late')\n"
            ),
            &["ec2.InternetGateway"],
        );
        // `local` and `self.alias` are the same gateway; `early` comes after the site.
        assert_eq!(holders, ["local", "shared", "self.igw"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let program = format!(
            "{PRELUDE}x = {}1{}\nx\n",
            "[".repeat(3000),
            "]".repeat(3000)
        );
        assert_eq!(type_of(&program), None);
    }
}
