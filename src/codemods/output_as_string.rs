//! `output-as-string`: a pulumi `Output` (an attribute of a resource of the program, such as
//! `bucket.arn`) used as a plain Python value: in `json.dumps` (a `TypeError`), an f-string or
//! `str()` (the text of a warning instead of the value), `+` (a `TypeError`), `.format`, or
//! compared, tested or printed (issue 12, point 4).
//!
//! The check starts from each resource construction, finds where the program reads an
//! attribute of it, and follows that value up the expression it sits in: through the
//! operations that would need the plain value (the sites), through list and dict literals
//! and locals, to where it ends. A site is fixed with the `pulumi.Output` helper that does the
//! same on the resolved values only where the result ends in something that takes an Input.

use super::{Checker, Match, codemod};
use crate::edit::{Applicability, Edit, Fix, add_import, items};
use crate::pulumi::Value;
use crate::pulumi::imports::aws_key;
use crate::pulumi::output::output_class;
use crate::pulumi::schema::Kind;
use crate::source::fields;
use tree_sitter::Node;

pub const CODEMOD: super::Codemod = codemod! {
    id: "output-as-string",
    title: "A pulumi Output used as a plain value: in `json.dumps`, an f-string, `+`, `str()`, a comparison",
    fix: Sometimes,
    severity: Error,
    matches: file,
    check: check,
};

/// How far a value is followed through locals (`doc = {...}`, then `json.dumps(doc)`), and how
/// many steps (names, attributes, items, `.apply`) make an Output.
const MAX_DEPTH: u32 = 8;

/// How many levels a value is followed up its expression (each costs a walk from the root).
const MAX_CLIMB: usize = 256;

/// How deep a site may sit below the expression rewritten: the rewrite recurses that deep.
const MAX_NESTING: usize = 64;

/// Names on a resource object that are not outputs.
const NOT_OUTPUTS: &[&str] = &[
    "get",
    "get_provider",
    "pulumi_type",
    "translate_input_property",
    "translate_output_property",
];

/// `pulumi.Output` helpers whose arguments are Inputs.
const OUTPUT_HELPERS: &[&str] = &[
    "pulumi.Output.all",
    "pulumi.Output.concat",
    "pulumi.Output.format",
    "pulumi.Output.from_input",
    "pulumi.Output.json_dumps",
    "pulumi.Output.secret",
];

/// A Python operation that needs the plain value, and becomes a `pulumi.Output` helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SiteKind {
    /// `f"...{x}..."` -> `Output.format("...{}...", x)`.
    FString,
    /// `a + x + b` -> `Output.concat(a, x, b)`.
    Concat,
    /// `str(x)` -> `x.apply(str)`.
    Str,
    /// `"...{}".format(x)` -> `Output.format("...{}", x)`.
    Format,
    /// `json.dumps(doc)` -> `Output.json_dumps(doc)`.
    JsonDumps,
}

#[derive(Debug, Clone, Copy)]
struct Site<'t> {
    node: Node<'t>,
    kind: SiteKind,
}

/// Where a followed value ends.
#[derive(Debug, Clone, Copy)]
enum End<'t> {
    /// Something that takes a pulumi Input: a keyword argument of a resource or `*Args`
    /// construction, `pulumi.export`, a `pulumi.Output` helper.
    Input,
    /// Assigned to a name: `name = value`.
    Local(Node<'t>),
    /// Plain Python that needs the value itself (what it is, for the message).
    Plain(&'static str),
    /// Anything else: not followed.
    Unknown,
}

/// Whether the followed expression is an Output itself or a literal container holding one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Output,
    Container,
}

struct Climb<'t> {
    /// The last expression reached, the one `end` takes.
    top: Node<'t>,
    state: State,
    /// The sites crossed, innermost first.
    sites: Vec<Site<'t>>,
    end: End<'t>,
}

fn check<'t>(cx: &mut Checker<'_, 't>, _: &Match<'_, 't>) {
    // The file is looked at once as a whole: following each construction's name through the
    // text would be quadratic in files of many resources.
    for output in resource_outputs(cx) {
        follow(cx, output, State::Output, output, 0);
    }
}

fn is_resource_class(cx: &Checker, key: &str) -> bool {
    cx.schema()
        .and_then(|t| t.class(key))
        .is_some_and(|c| c.kind == Kind::Resource)
}

/// `X.attr` where `attr` is an output of a resource object, not one of its methods.
fn output_attribute<'t>(cx: &Checker<'_, 't>, attribute: Node<'t>) -> bool {
    let Some(name) = attribute.child_by_field_id(fields().attribute) else {
        return false;
    };
    let name = cx.src(name);
    let called = cx.parent(attribute).is_some_and(|p| {
        p.kind() == "call" && p.child_by_field_id(fields().function) == Some(attribute)
    });
    !called && !name.starts_with('_') && !NOT_OUTPUTS.contains(&name)
}

/// Every output of a resource of the program that the file reads: `call(...).attr`, and
/// `x.attr` / `self.x.attr` where `x` holds a resource. The holders' names are looked up in one
/// pass over the text, at each `name.` (with the dot).
fn resource_outputs<'t>(cx: &Checker<'_, 't>) -> Vec<Node<'t>> {
    let mut names = foldhash::HashSet::default();
    let mut outputs = Vec::new();
    // The constructions, not the symbol model's resources (the same calls): the model is
    // built only for a file that reads a name holding one.
    for construction in cx.resolved().iter() {
        let (call, Some(type_name)) = (construction.call(), construction.aws_type()) else {
            continue;
        };
        let Some(parent) = cx.parent(call) else {
            continue;
        };
        match parent.kind() {
            "attribute"
                if parent.child_by_field_id(fields().object) == Some(call)
                    && output_attribute(cx, parent)
                    && is_resource_class(cx, type_name) =>
            {
                outputs.push(parent);
            }
            "assignment" if parent.child_by_field_id(fields().right) == Some(call) => {
                let name = parent
                    .child_by_field_id(fields().left)
                    .and_then(|l| match l.kind() {
                        "identifier" => Some(l),
                        "attribute" => l.child_by_field_id(fields().attribute),
                        _ => None,
                    });
                names.extend(name.map(|n| cx.src(n)));
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return outputs;
    }
    let bytes = cx.text.as_bytes();
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut seeker = crate::source::Seeker::new(cx.tree);
    for dot in memchr::memchr_iter(b'.', bytes) {
        let start = bytes[..dot]
            .iter()
            .rposition(|&b| !is_name_byte(b))
            .map_or(0, |i| i + 1);
        if start == dot || !names.contains(&cx.text[start..dot]) {
            continue;
        }
        let name = seeker.seek(start, dot);
        if name.kind() != "identifier" || name.byte_range() != (start..dot) {
            continue;
        }
        // Up with the seeker's cursor (`Node::parent` walks down from the root each time):
        // `x` of `x.attr`, or `self.x` of `self.x.attr`, then `attr`'s context.
        let (holder, read) = match seeker.up() {
            Some((p, Some("attribute"))) if p.kind() == "attribute" => match seeker.up() {
                Some((read, Some("object"))) => (p, read),
                _ => continue,
            },
            Some((read, Some("object"))) => (name, read),
            _ => continue,
        };
        if read.kind() != "attribute" {
            continue;
        }
        // Most outputs are given as they are to a keyword argument: nothing to look at.
        if let Some((context, Some("value"))) = seeker.up()
            && context.kind() == "keyword_argument"
            && context
                .child_by_field_id(fields().name)
                .is_some_and(|n| cx.src(n) != "resource_name")
        {
            continue;
        }
        if !output_attribute(cx, read) {
            continue;
        }
        if matches!(cx.symbols().resolve(holder), Value::Resource { type_name, .. }
            if is_resource_class(cx, &type_name))
        {
            outputs.push(read);
        }
    }
    outputs
}

/// True when `expr` is certainly a pulumi Output: an output of a resource of the program, an
/// attribute or item of an Output, `<output>.apply(...)`, a `pulumi.Output` helper, or a name
/// assigned once to one of these.
fn is_output<'t>(cx: &Checker<'_, 't>, expr: Node<'t>, depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match expr.kind() {
        "attribute" => {
            let Some(object) = expr.child_by_field_id(fields().object) else {
                return false;
            };
            output_attribute(cx, expr)
                && (is_output(cx, object, depth + 1)
                    || matches!(cx.symbols().resolve(object), Value::Resource { type_name, .. }
                        if is_resource_class(cx, &type_name)))
        }
        "subscript" => expr
            .child_by_field_id(fields().value)
            .is_some_and(|v| is_output(cx, v, depth + 1)),
        "identifier" => cx
            .symbols()
            .assigned_once(expr)
            .is_some_and(|value| is_output(cx, value, depth + 1)),
        "call" => {
            let Some(function) = expr.child_by_field_id(fields().function) else {
                return false;
            };
            if let Some(path) = cx.imports.resolve(function, cx.text)
                && OUTPUT_HELPERS.contains(&path.as_str())
            {
                return true;
            }
            function.kind() == "attribute"
                && function
                    .child_by_field_id(fields().attribute)
                    .is_some_and(|a| cx.src(a) == "apply")
                && function
                    .child_by_field_id(fields().object)
                    .is_some_and(|o| is_output(cx, o, depth + 1))
        }
        _ => false,
    }
}

/// True inside a lambda: an `apply` callback's values are plain, and what else a lambda holds
/// is not followed.
fn in_lambda<'t>(cx: &Checker<'_, 't>, node: Node<'t>) -> bool {
    let mut current = cx.parent(node);
    // Each step up costs a walk down from the root: a node nested deeper than this counts as
    // inside one (left alone).
    for _ in 0..MAX_CLIMB {
        match current {
            Some(n) if n.kind() == "lambda" => return true,
            Some(n) => current = cx.parent(n),
            None => return false,
        }
    }
    true
}

/// Follows `expr` (an Output, or a container holding `origin`) and reports what it meets.
fn follow<'t>(
    cx: &mut Checker<'_, 't>,
    expr: Node<'t>,
    state: State,
    origin: Node<'t>,
    depth: u32,
) {
    if depth > MAX_DEPTH || in_lambda(cx, expr) {
        return;
    }
    let climb = climb(cx, expr, state, None);
    if !climb.sites.is_empty() {
        report_site(cx, &climb, origin);
        return;
    }
    match climb.end {
        End::Local(name) => {
            let value = climb.top;
            let symbols = cx.symbols();
            let reads: Vec<Node<'t>> = symbols
                .reads_of(name, cx.tree.root_node())
                .into_iter()
                .filter(|&r| symbols.assigned_once(r) == Some(value))
                .collect();
            for read in reads {
                follow(cx, read, climb.state, origin, depth + 1);
            }
        }
        End::Plain(what) if climb.state == State::Output && !cx.reported(climb.top) => {
            let message = format!(
                "A pulumi Output (`{}`) is used as a plain value in {what}: {}",
                cx.src(origin),
                plain_consequence(what)
            );
            cx.report(climb.top, message, None);
        }
        _ => {}
    }
}

fn plain_consequence(what: &str) -> &'static str {
    match what {
        "a comparison" => {
            "an Output never equals a plain value and cannot be ordered; compare inside `.apply(lambda v: ...)`"
        }
        "a condition" => "an Output is always true; test the value inside `.apply(lambda v: ...)`",
        "a dictionary key" => {
            "a key must be a plain value (JSON keys must be strings); build the dictionary inside `.apply(lambda v: ...)`"
        }
        _ => {
            "it needs the value, which exists only once the resource is created; use it inside `.apply(lambda v: ...)`"
        }
    }
}

/// The node `expr` stands in for in its parent, through parentheses.
fn unparenthesized<'t>(cx: &Checker<'_, 't>, expr: Node<'t>) -> Node<'t> {
    let mut node = expr;
    for _ in 0..MAX_CLIMB {
        match cx
            .parent(node)
            .filter(|p| p.kind() == "parenthesized_expression")
        {
            Some(p) => node = p,
            None => break,
        }
    }
    node
}

/// Follows `from` up its expression: through lifted attributes, `.apply`, literal containers
/// and the sites, until it ends (or reaches `stop`).
fn climb<'t>(
    cx: &Checker<'_, 't>,
    from: Node<'t>,
    state: State,
    stop: Option<Node<'t>>,
) -> Climb<'t> {
    let mut node = from;
    let mut state = state;
    let mut sites = Vec::new();
    let done = |top, state, sites, end| Climb {
        top,
        state,
        sites,
        end,
    };
    for _ in 0..MAX_CLIMB {
        node = unparenthesized(cx, node);
        if Some(node) == stop {
            return done(node, state, sites, End::Unknown);
        }
        let Some(parent) = cx.parent(node) else {
            return done(node, state, sites, End::Unknown);
        };
        let is = |field: &str| parent.child_by_field_name(field) == Some(node);
        let output = state == State::Output;
        match parent.kind() {
            "attribute" if is("object") && output => {
                let attribute = parent
                    .child_by_field_id(fields().attribute)
                    .map(|a| cx.src(a));
                let call = cx.parent(parent).filter(|c| {
                    c.kind() == "call" && c.child_by_field_id(fields().function) == Some(parent)
                });
                match (attribute, call) {
                    (Some("apply"), Some(call)) => node = call,
                    // A method of the value, called on the Output: other rules' business.
                    (_, Some(_)) => return done(node, state, sites, End::Unknown),
                    // Output lifts attribute access: still an Output.
                    (_, None) => node = parent,
                }
            }
            "subscript" if is("value") && output => node = parent,
            "interpolation" if is("expression") && output => {
                let Some(string) = cx.parent(parent) else {
                    return done(node, state, sites, End::Unknown);
                };
                sites.push(Site {
                    node: string,
                    kind: SiteKind::FString,
                });
                node = string;
            }
            "binary_operator" if output && operator(parent) == Some("+") => {
                let mut top = parent;
                while let Some(p) = cx
                    .parent(top)
                    .filter(|p| p.kind() == "binary_operator" && operator(*p) == Some("+"))
                {
                    top = p;
                }
                sites.push(Site {
                    node: top,
                    kind: SiteKind::Concat,
                });
                node = top;
            }
            "list" | "tuple" | "set" | "expression_list" => {
                state = State::Container;
                node = parent;
            }
            "pair" if is("key") => {
                let end = if output {
                    End::Plain("a dictionary key")
                } else {
                    End::Unknown
                };
                return done(node, state, sites, end);
            }
            "pair" => match cx.parent(parent) {
                Some(dict) if dict.kind() == "dictionary" => {
                    state = State::Container;
                    node = dict;
                }
                _ => return done(node, state, sites, End::Unknown),
            },
            "conditional_expression" => {
                // `a if test else b`: the test is its second named child.
                if parent.named_child(1) == Some(node) {
                    let end = if output {
                        End::Plain("a condition")
                    } else {
                        End::Unknown
                    };
                    return done(node, state, sites, end);
                }
                node = parent;
            }
            "if_statement" | "elif_clause" | "while_statement" if is("condition") && output => {
                return done(node, state, sites, End::Plain("a condition"));
            }
            "not_operator" if output => {
                return done(node, state, sites, End::Plain("a condition"));
            }
            "comparison_operator" if output => {
                let identity = {
                    let mut cursor = parent.walk();
                    parent
                        .children(&mut cursor)
                        .any(|c| !c.is_named() && cx.src(c) == "is")
                };
                let end = if identity {
                    End::Unknown
                } else {
                    End::Plain("a comparison")
                };
                return done(node, state, sites, end);
            }
            "assignment" if is("right") => {
                let end = match parent.child_by_field_id(fields().left) {
                    Some(left) if left.kind() == "identifier" => End::Local(left),
                    _ => End::Unknown,
                };
                return done(node, state, sites, end);
            }
            "argument_list" => match argument_of(cx, parent, node, None, state) {
                Flow::Site(call, kind) => {
                    sites.push(Site { node: call, kind });
                    state = State::Output;
                    node = call;
                }
                Flow::End(end) => return done(node, state, sites, end),
            },
            "keyword_argument" if is("value") => {
                let name = parent.child_by_field_id(fields().name).map(|n| cx.src(n));
                let Some(arguments) = cx.parent(parent) else {
                    return done(node, state, sites, End::Unknown);
                };
                match argument_of(cx, arguments, parent, name, state) {
                    Flow::Site(call, kind) => {
                        sites.push(Site { node: call, kind });
                        state = State::Output;
                        node = call;
                    }
                    Flow::End(end) => return done(node, state, sites, end),
                }
            }
            _ => return done(node, state, sites, End::Unknown),
        }
    }
    done(node, state, sites, End::Unknown)
}

enum Flow<'t> {
    Site(Node<'t>, SiteKind),
    End(End<'t>),
}

/// What becomes of `argument` (a positional argument, or the keyword argument `keyword`) of the
/// call whose argument list is `arguments`.
fn argument_of<'t>(
    cx: &Checker<'_, 't>,
    arguments: Node<'t>,
    argument: Node<'t>,
    keyword: Option<&str>,
    state: State,
) -> Flow<'t> {
    let unknown = Flow::End(End::Unknown);
    let Some(call) = cx.parent(arguments).filter(|c| c.kind() == "call") else {
        return unknown;
    };
    let Some(function) = call.child_by_field_id(fields().function) else {
        return unknown;
    };
    let position = items(arguments).iter().position(|a| *a == argument);
    let output = state == State::Output;
    // `"...{}".format(x)` on a string literal.
    if function.kind() == "attribute"
        && function
            .child_by_field_id(fields().attribute)
            .is_some_and(|a| cx.src(a) == "format")
        && function
            .child_by_field_id(fields().object)
            .is_some_and(|o| is_plain_string(o))
    {
        return if output {
            Flow::Site(call, SiteKind::Format)
        } else {
            unknown
        };
    }
    let path = cx.imports.resolve(function, cx.text);
    match path.as_deref() {
        Some("json.dumps") if keyword.is_none() && position == Some(0) => {
            return Flow::Site(call, SiteKind::JsonDumps);
        }
        Some("pulumi.export") if keyword == Some("value") || position == Some(1) => {
            return Flow::End(End::Input);
        }
        Some(p) if OUTPUT_HELPERS.contains(&p) => return Flow::End(End::Input),
        Some(p) if p.starts_with("pulumi.log.") && output => {
            return Flow::End(End::Plain("a log message"));
        }
        _ => {}
    }
    // A construction (as `ResourceCall::resolve_key` takes one), from the path already known.
    let construction_key = path.as_deref().and_then(aws_key).filter(|_| {
        call.child_by_field_id(fields().arguments)
            .is_some_and(|a| a.kind() == "argument_list")
    });
    if let Some(key) = construction_key {
        let kind = cx.schema().and_then(|t| t.class(&key)).map(|c| c.kind);
        return match (kind, keyword) {
            (Some(Kind::Resource), None) if position == Some(0) && output => {
                Flow::End(End::Plain("the resource's name"))
            }
            (Some(Kind::Resource), Some("resource_name")) if output => {
                Flow::End(End::Plain("the resource's name"))
            }
            (Some(_), Some(name)) if !matches!(name, "opts" | "args" | "resource_name") => {
                Flow::End(End::Input)
            }
            _ => unknown,
        };
    }
    if function.kind() == "identifier" && keyword.is_none() && output {
        match cx.src(function) {
            "str" if items(arguments).len() == 1 => return Flow::Site(call, SiteKind::Str),
            "print" => return Flow::End(End::Plain("`print`")),
            "open" => return Flow::End(End::Plain("`open`")),
            "int" | "float" | "len" => return Flow::End(End::Plain("a conversion")),
            _ => {}
        }
    }
    unknown
}

fn operator(binary: Node) -> Option<&'static str> {
    binary
        .child_by_field_id(fields().operator)
        .map(|o| o.kind())
}

/// A string literal without interpolation (one, or several written side by side).
fn is_plain_string(node: Node) -> bool {
    let no_interpolation = |s: Node| {
        let mut cursor = s.walk();
        s.kind() == "string" && !s.children(&mut cursor).any(|c| c.kind() == "interpolation")
    };
    match node.kind() {
        "string" => no_interpolation(node),
        "concatenated_string" => {
            let mut cursor = node.walk();
            node.named_children(&mut cursor).all(no_interpolation)
        }
        _ => false,
    }
}

/// Reports the outermost site `climb` crossed, fixed when every site can be rewritten and the
/// result ends in an Input.
fn report_site<'t>(cx: &mut Checker<'_, 't>, climb: &Climb<'t>, origin: Node<'t>) {
    let outer = *climb.sites.last().expect("a site");
    if cx.reported(outer.node) {
        return;
    }
    let sites = sites_within(cx, outer, &climb.sites);
    let (class, import) = output_class(cx.imports);
    let edits = match sites.iter().find_map(|s| unfixable(cx, *s)) {
        _ if too_deep(cx, outer.node, &sites) => Err("the expression is nested too deeply".into()),
        Some(why) => Err(why),
        None => end_edits(cx, climb, &class),
    };
    let message = site_message(outer.kind, cx.src(origin));
    let (message, fix) = match edits {
        Err(why) => (format!("{message}; not fixed: {why}"), None),
        Ok(mut edits) => {
            edits.push(Edit::replace(
                outer.node,
                render(cx, outer.node, &sites, &class),
            ));
            if let Some(statement) = import {
                edits.push(add_import(cx.text, cx.tree, statement, cx.style()));
            }
            // Where the expression raised a `TypeError`, the program never ran past it and the
            // fix only makes it run; where it ran, a resource got a wrong value that the fix
            // changes (an update, maybe a replacement).
            let raised = sites.iter().any(|s| match s.kind {
                SiteKind::Concat => true,
                SiteKind::JsonDumps => keyword_value(cx, s.node, "cls").is_none(),
                _ => false,
            });
            let applicability = if raised {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            (message, Some(Fix::new(applicability, edits)))
        }
    };
    cx.report(outer.node, message, fix);
}

/// Every site inside `outer` (itself included) that an Output in it crosses on its way up.
fn sites_within<'t>(cx: &Checker<'_, 't>, outer: Site<'t>, known: &[Site<'t>]) -> Vec<Site<'t>> {
    let mut sites: Vec<Site<'t>> = known.to_vec();
    let mut stack = vec![outer.node];
    while let Some(n) = stack.pop() {
        if matches!(n.kind(), "attribute" | "identifier" | "call" | "subscript")
            && is_output(cx, n, 0)
        {
            let climb = climb(cx, n, State::Output, Some(outer.node));
            sites.extend(climb.sites);
            continue;
        }
        // An `apply` callback's code is left alone.
        if n.kind() == "lambda" {
            continue;
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    let within = outer.node.byte_range();
    sites.retain(|s| within.start <= s.node.start_byte() && s.node.end_byte() <= within.end);
    sites.sort_by_key(|s| (s.node.start_byte(), std::cmp::Reverse(s.node.end_byte())));
    sites.dedup_by_key(|s| s.node.id());
    sites
}

/// True when a site sits more than `MAX_NESTING` levels below `outer`.
fn too_deep<'t>(cx: &Checker<'_, 't>, outer: Node<'t>, sites: &[Site<'t>]) -> bool {
    sites.iter().any(|s| {
        let mut node = s.node;
        let mut levels = 0;
        while node != outer && levels <= MAX_NESTING {
            match cx.parent(node) {
                Some(p) => node = p,
                None => break,
            }
            levels += 1;
        }
        levels > MAX_NESTING
    })
}

/// Why a site cannot be rewritten, if it cannot.
fn unfixable<'t>(cx: &Checker<'_, 't>, site: Site<'t>) -> Option<String> {
    let node = site.node;
    match site.kind {
        SiteKind::FString => {
            if cx
                .parent(node)
                .is_some_and(|p| p.kind() == "concatenated_string")
            {
                return Some("the f-string is written beside other strings".into());
            }
            let mut cursor = node.walk();
            for part in node.children(&mut cursor) {
                if part.kind() != "interpolation" {
                    continue;
                }
                let mut inner = part.walk();
                let debug = part
                    .children(&mut inner)
                    .any(|c| !c.is_named() && cx.src(c) == "=");
                let nested = part
                    .child_by_field_id(fields().format_specifier)
                    .is_some_and(|s| cx.src(s).contains('{'));
                if debug || nested {
                    return Some("an interpolation uses `=` or a computed format".into());
                }
            }
            None
        }
        SiteKind::Concat => {
            let operands = concat_operands(cx, node);
            let mut cursor = node.walk();
            if node.children(&mut cursor).any(|c| c.kind() == "comment") {
                return Some("comments sit between the operands".into());
            }
            let stringy = operands.iter().any(|o| {
                matches!(o.kind(), "string" | "concatenated_string")
                    || (o.kind() == "call"
                        && o.child_by_field_id(fields().function)
                            .is_some_and(|f| f.kind() == "identifier" && cx.src(f) == "str"))
            });
            (!stringy).then(|| {
                "no operand is a string, so `+` may not be a concatenation: compute it inside `.apply(...)`".into()
            })
        }
        SiteKind::JsonDumps => {
            let arguments = node.child_by_field_id(fields().arguments)?;
            let splat = items(arguments).iter().any(|a| a.kind().ends_with("splat"));
            (splat || keyword_value(cx, node, "default").is_some())
                .then(|| "`default=` or `**` arguments would serialize the Output itself".into())
        }
        SiteKind::Str | SiteKind::Format => None,
    }
}

/// The edits that let the result of the sites become an Output where it goes (its reads,
/// when it is assigned to a local), or why it cannot.
fn end_edits<'t>(
    cx: &Checker<'_, 't>,
    climb: &Climb<'t>,
    class: &str,
) -> Result<Vec<Edit>, String> {
    match climb.end {
        End::Input => Ok(Vec::new()),
        End::Plain("the resource's name") => Err(
            "the result is the resource's name, which must be known before anything is created: build it from plain values (config, literals)".into(),
        ),
        End::Plain(what) => Err(format!(
            "the result goes into {what}, which needs a plain value: compute it inside `.apply(lambda v: ...)`"
        )),
        End::Unknown => {
            Err("infra-fix cannot tell that where the result goes accepts a pulumi Input".into())
        }
        End::Local(name) => {
            let symbols = cx.symbols();
            let reads = symbols.reads_of(name, cx.tree.root_node());
            let blocked = || {
                format!(
                    "`{}` is also used where a plain value is needed, or where infra-fix cannot follow it",
                    cx.src(name)
                )
            };
            if reads.is_empty() {
                return Err(blocked());
            }
            // Each read now holds an Output: it must reach an Input too, through sites that
            // are rewritten with this fix.
            let mut edits = Vec::new();
            for read in reads {
                if symbols.assigned_once(read) != Some(climb.top) || in_lambda(cx, read) {
                    return Err(blocked());
                }
                let c = climb_read(cx, read);
                if !matches!(c.end, End::Input) {
                    return Err(blocked());
                }
                if let Some(outer) = c.sites.last() {
                    let sites = sites_within(cx, *outer, &c.sites);
                    if let Some(why) = sites.iter().find_map(|s| unfixable(cx, *s)) {
                        return Err(why);
                    }
                    if too_deep(cx, outer.node, &sites) {
                        return Err("the expression is nested too deeply".into());
                    }
                    edits.push(Edit::replace(outer.node, render(cx, outer.node, &sites, class)));
                }
            }
            Ok(edits)
        }
    }
}

fn climb_read<'t>(cx: &Checker<'_, 't>, read: Node<'t>) -> Climb<'t> {
    climb(cx, read, State::Output, None)
}

fn keyword_value<'t>(cx: &Checker<'_, 't>, call: Node<'t>, name: &str) -> Option<Node<'t>> {
    let arguments = call.child_by_field_id(fields().arguments)?;
    items(arguments).into_iter().find_map(|a| {
        (a.kind() == "keyword_argument"
            && a.child_by_field_id(fields().name)
                .is_some_and(|n| cx.src(n) == name))
        .then(|| a.child_by_field_id(fields().value))
        .flatten()
    })
}

fn site_message(kind: SiteKind, output: &str) -> String {
    match kind {
        SiteKind::JsonDumps => format!(
            "`json.dumps` of a value holding a pulumi Output (`{output}`) raises `TypeError`; use `pulumi.Output.json_dumps`"
        ),
        SiteKind::FString => format!(
            "An f-string interpolates a pulumi Output (`{output}`), which writes a warning's text instead of the value; use `pulumi.Output.format`"
        ),
        SiteKind::Format => format!(
            "`str.format` of a pulumi Output (`{output}`) writes a warning's text instead of the value; use `pulumi.Output.format`"
        ),
        SiteKind::Concat => format!(
            "`+` on a pulumi Output (`{output}`) raises `TypeError`: join the parts with `pulumi.Output.concat`"
        ),
        SiteKind::Str => format!(
            "`str()` of a pulumi Output (`{output}`) gives a warning's text instead of the value; use `.apply(str)`"
        ),
    }
}

/// The operands of a `+` chain, left to right.
fn concat_operands<'t>(cx: &Checker<'_, 't>, top: Node<'t>) -> Vec<Node<'t>> {
    let mut operands = Vec::new();
    let mut stack = vec![top];
    while let Some(n) = stack.pop() {
        let is_plus = n.kind() == "binary_operator"
            && n.child_by_field_id(fields().operator)
                .is_some_and(|o| o.kind() == "+");
        if is_plus && (n == top || cx.parent(n).is_some_and(|p| p.kind() == "binary_operator")) {
            stack.extend(n.child_by_field_id(fields().right));
            stack.extend(n.child_by_field_id(fields().left));
        } else {
            operands.push(n);
        }
    }
    operands
}

/// The text of `node` with every site in it rewritten.
fn render<'t>(cx: &Checker<'_, 't>, node: Node<'t>, sites: &[Site<'t>], class: &str) -> String {
    if let Some(site) = sites.iter().find(|s| s.node == node) {
        return rewrite(cx, *site, sites, class);
    }
    let range = node.byte_range();
    let inside = |s: &&Site| range.start <= s.node.start_byte() && s.node.end_byte() <= range.end;
    if !sites.iter().any(|s| inside(&s)) {
        return cx.src(node).to_string();
    }
    let mut out = String::new();
    let mut at = range.start;
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        out.push_str(&cx.text[at..child.start_byte()]);
        out.push_str(&render(cx, child, sites, class));
        at = child.end_byte();
    }
    out.push_str(&cx.text[at..range.end]);
    out
}

fn rewrite<'t>(cx: &Checker<'_, 't>, site: Site<'t>, sites: &[Site<'t>], class: &str) -> String {
    let node = site.node;
    let render = |n: Node<'t>| render(cx, n, sites, class);
    match site.kind {
        SiteKind::FString => {
            let mut format = String::new();
            let mut values = Vec::new();
            let mut at = node.start_byte();
            let mut cursor = node.walk();
            for part in node.children(&mut cursor) {
                format.push_str(&cx.text[at..part.start_byte()]);
                at = part.end_byte();
                match part.kind() {
                    "string_start" => format.push_str(&cx.src(part).replace(['f', 'F'], "")),
                    "interpolation" => {
                        let Some(expression) = part.child_by_field_id(fields().expression) else {
                            continue;
                        };
                        values.push(render(expression));
                        format.push('{');
                        for field in ["type_conversion", "format_specifier"] {
                            if let Some(f) = part.child_by_field_name(field) {
                                format.push_str(cx.src(f));
                            }
                        }
                        format.push('}');
                    }
                    _ => format.push_str(cx.src(part)),
                }
            }
            format.push_str(&cx.text[at..node.end_byte()]);
            format!("{class}.format({format}, {})", values.join(", "))
        }
        SiteKind::Concat => {
            let operands: Vec<String> = concat_operands(cx, node).into_iter().map(render).collect();
            format!("{class}.concat({})", operands.join(", "))
        }
        SiteKind::Str => {
            let argument = node
                .child_by_field_id(fields().arguments)
                .and_then(|a| items(a).into_iter().next())
                .expect("str() has its one argument");
            let argument = unparenthesized_inner(argument);
            // A rewritten string site is already an Output of a string.
            if sites
                .iter()
                .any(|s| s.node == argument && s.kind != SiteKind::Str)
            {
                return render(argument);
            }
            let text = render(argument);
            match argument.kind() {
                "identifier" | "attribute" | "call" | "subscript" => format!("{text}.apply(str)"),
                _ => format!("({text}).apply(str)"),
            }
        }
        SiteKind::Format => {
            let function = node.child_by_field_id(fields().function).expect("a call");
            let receiver = function
                .child_by_field_id(fields().object)
                .expect("an attribute");
            let arguments = node.child_by_field_id(fields().arguments).expect("a call");
            let inner = render(arguments);
            let inner = inner
                .strip_prefix('(')
                .and_then(|i| i.strip_suffix(')'))
                .unwrap_or(&inner);
            format!("{class}.format({}, {inner})", render(receiver))
        }
        SiteKind::JsonDumps => {
            let arguments = node.child_by_field_id(fields().arguments).expect("a call");
            format!("{class}.json_dumps{}", render(arguments))
        }
    }
}

/// The expression inside any parentheses around it.
fn unparenthesized_inner(mut node: Node) -> Node {
    while node.kind() == "parenthesized_expression" {
        match node.named_child(0) {
            Some(inner) => node = inner,
            None => break,
        }
    }
    node
}
