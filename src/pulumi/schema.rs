//! The pulumi-aws API tables: which keyword arguments each resource and `*Args` class accepts
//! in a major version, and which are deprecated; each resource's output properties, each enum's
//! members, the package's modules, and the data-source functions. Generated from the published wheels by
//! `scripts/gen_pulumi_aws_tables.py` (format in `scripts/README.md`) and compiled into the
//! binary as text, with hash tables over it that `build.rs` computes (`super::index`): loading a
//! major costs nothing, and a class's parameter list is only split when it is looked at.

use super::index::Index;
use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

/// The indexes of one major's tables and of its functions: `V6` and `V7`.
struct Indexes {
    /// `R` and `A` records: key -> params, an alias's those of its resource (the kind is the
    /// record's tag).
    classes: Index<'static>,
    /// `D` records: `<key>\t<param>` -> escaped message.
    deprecations: Index<'static>,
    /// `E` records: exported classes that are neither (enums, mostly).
    others: Index<'static>,
    /// `P` records: the package's modules (the root, `""`, is not among them).
    modules: Index<'static>,
    /// `O` records: resource key -> its output properties, comma-separated.
    outputs: Index<'static>,
    /// `V` records: enum key -> the lines of its members' records, in member order.
    enums: Index<'static>,
    /// `V` records: `<enum key>\t<member>` -> escaped value.
    members: Index<'static>,
    /// Data-source functions (`ec2.get_subnets`, `get_region_output`) -> `<parameters>\t<result
    /// attributes>`, from `data/pulumi-aws-functions.gz`.
    functions: Index<'static>,
}

include!(concat!(env!("OUT_DIR"), "/pulumi-aws-index.rs"));

/// A pulumi-aws major version infra-fix has tables for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Major {
    V6,
    V7,
}

impl Major {
    pub const ALL: [Major; 2] = [Major::V6, Major::V7];
    pub const NEWEST: Major = Major::V7;

    pub fn from_number(n: u64) -> Option<Major> {
        match n {
            6 => Some(Major::V6),
            7 => Some(Major::V7),
            _ => None,
        }
    }

    pub fn number(self) -> u64 {
        match self {
            Major::V6 => 6,
            Major::V7 => 7,
        }
    }

    /// The pulumi-aws release its tables were generated from (`7.51.1`): their first line.
    pub fn tables_version(self) -> String {
        header_version(self.text().lines().next().unwrap_or_default()).to_string()
    }

    /// The tables of this major, as `build.rs` decompressed them from `data/`.
    fn text(self) -> &'static str {
        self.indexes().classes.text
    }

    fn indexes(self) -> &'static Indexes {
        match self {
            Major::V6 => &V6,
            Major::V7 => &V7,
        }
    }
}

/// The keywords every resource's constructor takes besides its arguments, which the tables
/// leave out: `Eip(resource_name="nat", args=EipArgs(...), opts=...)`, and the SDK's own
/// `__props__`. The generator checks that every resource's constructor takes them.
pub const RESOURCE_CONSTRUCTOR_PARAMS: [&str; 4] = ["resource_name", "opts", "args", "__props__"];

/// The version in the tables' header, `# pulumi-aws 7.51.1 sha256=... format=2`.
fn header_version(text: &str) -> &str {
    text.strip_prefix("# pulumi-aws ")
        .and_then(|rest| rest.split([' ', '\n']).next())
        .expect("tables header names the version")
}

/// How a parameter's value is shaped, from its type annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Scalar,
    List,
    Map,
}

/// One keyword parameter of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A resource: `aws.ec2.Eip`.
    Resource,
    /// An input class: `aws.ec2.EipArgs`, `aws.ecs.ServiceDeploymentConfigurationArgs`.
    Args,
}

/// A resource or `*Args` class of one major.
#[derive(Debug, Clone, Copy)]
pub struct Class {
    /// `ec2.Eip`: what follows `aws.` in Python.
    pub key: &'static str,
    pub kind: Kind,
    /// `name[:k],...` as in the tables (aliases already followed).
    params: &'static str,
}

impl Class {
    pub fn params(&self) -> impl Iterator<Item = Param> + use<> {
        self.params
            .split(',')
            .filter(|p| !p.is_empty())
            .map(Param::from_record)
    }

    /// The parameter `name`, when the class accepts it: for a resource, one of its arguments
    /// or of `RESOURCE_CONSTRUCTOR_PARAMS`.
    pub fn param(&self, name: &str) -> Option<Param> {
        if self.kind == Kind::Resource
            && let Some(&name) = RESOURCE_CONSTRUCTOR_PARAMS.iter().find(|&&p| p == name)
        {
            return Some(Param {
                name,
                shape: Shape::Scalar,
                required: name == "resource_name",
            });
        }
        // Looked up in the record's text: most classes have dozens of parameters, and a
        // construction asks for each keyword it passes.
        let record = self.params;
        memchr::memmem::find_iter(record.as_bytes(), name.as_bytes())
            .find(|&at| {
                let end = at + name.len();
                (at == 0 || record.as_bytes()[at - 1] == b',')
                    && matches!(record.as_bytes().get(end), None | Some(b',' | b':'))
            })
            .map(|at| {
                let rest = &record[at..];
                Param::from_record(rest.split(',').next().unwrap_or(rest))
            })
    }
}

impl Param {
    /// `name`, `name:l`, `name:M`: a lower-case kind is optional, upper-case required.
    fn from_record(record: &'static str) -> Param {
        let (name, k) = record.split_once(':').unwrap_or((record, "s"));
        let shape = match k {
            "l" | "L" => Shape::List,
            "m" | "M" => Shape::Map,
            _ => Shape::Scalar,
        };
        Param {
            name,
            shape,
            required: k.chars().any(|c| c.is_ascii_uppercase()),
        }
    }
}

/// The tables of one major.
pub struct Tables {
    pub major: Major,
    /// The exact wheel version they were generated from: `7.51.1`.
    pub version: &'static str,
    indexes: &'static Indexes,
    /// Class keys by class name and by module, built when first asked (for suggestions).
    by_name: OnceLock<HashMap<&'static str, Vec<&'static str>>>,
    by_module: OnceLock<HashMap<&'static str, Vec<&'static str>>>,
}

/// A data-source function of one major: `aws.ec2.get_subnets` and its `_output` form.
#[derive(Debug, Clone, Copy)]
pub struct Function {
    pub key: &'static str,
    params: &'static str,
    results: &'static str,
}

impl Function {
    /// Its keyword parameters.
    pub fn params(&self) -> impl Iterator<Item = &'static str> + use<> {
        names(self.params)
    }

    /// The attributes of its result (empty for an `_output` form: they are the plain form's).
    pub fn results(&self) -> impl Iterator<Item = &'static str> + use<> {
        names(self.results)
    }
}

/// The names of a `name[:d],...` list of the functions table.
fn names(list: &'static str) -> impl Iterator<Item = &'static str> + use<> {
    list.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once(':').map_or(p, |(name, _)| name))
}

impl Tables {
    /// The tables of `major`, loaded on first use and kept for the life of the process.
    pub fn get(major: Major) -> &'static Tables {
        static TABLES: [OnceLock<Tables>; 2] = [OnceLock::new(), OnceLock::new()];
        TABLES[major as usize].get_or_init(|| Tables::load(major))
    }

    /// The tables of `major`, uncached (for the benchmark; use `get`). `build.rs` indexed
    /// them: nothing is left to do but find their version.
    pub fn load(major: Major) -> Tables {
        Tables {
            major,
            version: header_version(major.text()),
            indexes: major.indexes(),
            by_name: OnceLock::new(),
            by_module: OnceLock::new(),
        }
    }

    /// The resource or `*Args` class `key` (`ec2.Eip`), if this major has it.
    pub fn class(&self, key: &str) -> Option<Class> {
        let classes = &self.indexes.classes;
        let entry = classes.find(key)?;
        // A record is `<tag> <key>\t<params>`: its tag two bytes before its key.
        let kind = match classes.text.as_bytes()[classes.key_offset(entry) - 2] {
            b'R' => Kind::Resource,
            _ => Kind::Args,
        };
        Some(Class {
            key: classes.key(entry),
            kind,
            params: classes.value(entry),
        })
    }

    /// The class resource `key` takes its arguments object as: `<Class>Args`, or
    /// `<Class>InitArgs` where the SDK gave that name to another type (`ec2.VpnConnectionRoute`).
    pub fn arguments_class_of(&self, key: &str) -> Option<Class> {
        self.class(&format!("{key}InitArgs"))
            .or_else(|| self.class(&format!("{key}Args")))
            .filter(|c| c.kind == Kind::Args)
    }

    /// Every resource and `*Args` class, in no particular order.
    pub fn classes(&self) -> impl Iterator<Item = Class> + '_ {
        self.indexes
            .classes
            .iter()
            .filter_map(|(key, _)| self.class(key))
    }

    /// True when `module` (`ec2`, or `""` for the root package) is a module of this major.
    pub fn has_module(&self, module: &str) -> bool {
        module.is_empty() || self.indexes.modules.contains(module)
    }

    /// The data-source function `key` (`ec2.get_subnets`, `get_region_output`), if this major
    /// has it.
    pub fn function(&self, key: &str) -> Option<Function> {
        let (key, value) = self.indexes.functions.get(key)?;
        let (params, results) = value.split_once('\t')?;
        Some(Function {
            key,
            params,
            results,
        })
    }

    /// The data-source functions of `module` (`""` for the root), sorted.
    pub fn functions_in(&self, module: &str) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = self
            .indexes
            .functions
            .iter()
            .map(|(key, _)| key)
            .filter(|k| module_of(k) == module)
            .collect();
        keys.sort_unstable();
        keys
    }

    /// The output properties of resource `key` (`rds.Instance`): what a program may read from
    /// an instance of it. `None` when `key` is no resource of this major.
    pub fn outputs(&self, key: &str) -> Option<impl Iterator<Item = &'static str> + use<>> {
        let (_, list) = self.indexes.outputs.get(key)?;
        Some(list.split(',').filter(|p| !p.is_empty()))
    }

    /// True when resource `key` has the output property `name`.
    pub fn has_output(&self, key: &str, name: &str) -> Option<bool> {
        let (_, list) = self.indexes.outputs.get(key)?;
        // Found in the comma-separated list as a whole item: a search, not a split.
        let bytes = list.as_bytes();
        Some(
            !name.is_empty()
                && memchr::memmem::find_iter(bytes, name).any(|at| {
                    let end = at + name.len();
                    (at == 0 || bytes[at - 1] == b',') && (end == bytes.len() || bytes[end] == b',')
                }),
        )
    }

    /// True when enum `key` has `member`; `None` when `key` is no enum of this major.
    pub fn has_enum_member(&self, key: &str, member: &str) -> Option<bool> {
        let indexes = self.indexes;
        indexes
            .enums
            .contains(key)
            .then(|| indexes.members.find_pair(key, member).is_some())
    }

    /// The members of enum `key` (`lambda_.Runtime`) and their values (`PYTHON3D12`,
    /// `python3.12`), or `None` when `key` is no enum of this major.
    pub fn enum_members(&self, key: &str) -> Option<impl Iterator<Item = (&'static str, String)>> {
        // The lines of its `V <key>\t<member>\t<value>` records.
        let (key, lines) = self.indexes.enums.get(key)?;
        let record = move |line: &'static str| {
            let rest = line
                .strip_prefix("V ")?
                .strip_prefix(key)?
                .strip_prefix('\t')?;
            let (member, value) = rest.split_once('\t')?;
            Some((member, unescape(value)))
        };
        Some(lines.split('\n').filter_map(record))
    }

    /// The package's modules (`ec2`, `lambda_`, `config`; `""` for the root), sorted.
    pub fn modules(&self) -> Vec<&'static str> {
        let mut modules: Vec<&'static str> = (self.indexes.modules.iter())
            .map(|(module, _)| module)
            .filter(|m| !m.is_empty())
            .chain([""])
            .collect();
        modules.sort_unstable();
        modules
    }

    /// Every enum's key (`lambda_.Runtime`), in no particular order.
    pub fn enums(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.indexes.enums.iter().map(|(key, _)| key)
    }

    /// True when the module exports a class called `key`, constructible or not (an enum).
    pub fn exports(&self, key: &str) -> bool {
        self.indexes.classes.contains(key) || self.indexes.others.contains(key)
    }

    /// The resource and `*Args` class keys whose class is called `name`, in every module.
    pub fn keys_named(&self, name: &str) -> &[&'static str] {
        let index = self.by_name.get_or_init(|| {
            self.index_keys(|key| key.rsplit_once('.').map_or(key, |(_, class)| class))
        });
        index.get(name).map_or(&[], Vec::as_slice)
    }

    /// The resource and `*Args` class keys of `module`.
    pub fn keys_in(&self, module: &str) -> &[&'static str] {
        let index = self.by_module.get_or_init(|| self.index_keys(module_of));
        index.get(module).map_or(&[], Vec::as_slice)
    }

    fn index_keys(
        &self,
        by: fn(&'static str) -> &'static str,
    ) -> HashMap<&'static str, Vec<&'static str>> {
        let mut index: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for (key, _) in self.indexes.classes.iter() {
            index.entry(by(key)).or_default().push(key);
        }
        // Hash order is not stable between runs: sorted, answers do not depend on it.
        index.values_mut().for_each(|keys| keys.sort_unstable());
        index
    }

    /// The provider's deprecation message for `param` of class `key`.
    pub fn deprecation(&self, key: &str, param: &str) -> Option<String> {
        let deprecations = &self.indexes.deprecations;
        let message = deprecations.value(deprecations.find_pair(key, param)?);
        Some(unescape(message))
    }
}

/// `ec2` of `ec2.Eip`; `""` for a root class such as `Provider`.
pub fn module_of(key: &str) -> &str {
    key.rsplit_once('.').map_or("", |(module, _)| module)
}

/// Undoes the tables' escaping of `\`, newline, TAB and CR.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(major: Major, key: &str) -> Vec<&'static str> {
        Tables::get(major)
            .class(key)
            .unwrap_or_else(|| panic!("{key} in {major:?}"))
            .params()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn tables_record_the_wheel_versions() {
        assert_eq!(Tables::get(Major::V6).version, "6.83.4");
        assert_eq!(Tables::get(Major::V7).version, "7.51.1");
        for major in Major::ALL {
            assert_eq!(major.tables_version(), Tables::get(major).version);
        }
    }

    #[test]
    fn eip_vpc_is_deprecated_in_6_and_gone_in_7() {
        for major in Major::ALL {
            assert!(names(major, "ec2.Eip").contains(&"domain"), "{major:?}");
            assert!(names(major, "ec2.EipArgs").contains(&"domain"), "{major:?}");
        }
        assert!(names(Major::V6, "ec2.Eip").contains(&"vpc"));
        assert!(!names(Major::V7, "ec2.Eip").contains(&"vpc"));
        assert_eq!(
            Tables::get(Major::V6)
                .deprecation("ec2.Eip", "vpc")
                .as_deref(),
            Some("vpc is deprecated. Use domain instead.")
        );
        assert_eq!(Tables::get(Major::V7).deprecation("ec2.Eip", "vpc"), None);
    }

    #[test]
    fn ecs_rolling_update_knobs_are_service_arguments() {
        for major in Major::ALL {
            let service = names(major, "ecs.Service");
            assert!(service.contains(&"deployment_maximum_percent"));
            assert!(service.contains(&"deployment_minimum_healthy_percent"));
        }
        assert!(
            Tables::get(Major::V6)
                .class("ecs.ServiceDeploymentConfigurationArgs")
                .is_none()
        );
        let config = names(Major::V7, "ecs.ServiceDeploymentConfigurationArgs");
        assert!(config.contains(&"strategy"));
        assert!(!config.contains(&"maximum_percent"));
    }

    #[test]
    fn params_carry_shape_and_required_flag() {
        let rule = Tables::get(Major::V7)
            .class("ec2.SecurityGroupRule")
            .unwrap();
        assert_eq!(
            rule.param("cidr_blocks"),
            Some(Param {
                name: "cidr_blocks",
                shape: Shape::List,
                required: false
            })
        );
        assert!(rule.param("from_port").unwrap().required);
        assert_eq!(rule.param("tags"), None);
        let bucket = Tables::get(Major::V7).class("s3.Bucket").unwrap();
        assert_eq!(bucket.param("tags").unwrap().shape, Shape::Map);
        assert!(bucket.param("opts").is_some() && bucket.param("bukcet").is_none());
        // Found by name in the record: not a prefix or a suffix of another parameter, the
        // first and the last of the record, and the same answer as a scan of every parameter.
        let instance = Tables::get(Major::V7).class("ec2.Instance").unwrap();
        assert_eq!(instance.param("am"), None);
        assert_eq!(instance.param("ipv6_address"), None);
        assert_eq!(instance.param("address_count"), None);
        let all: Vec<Param> = instance.params().collect();
        for p in [all[0], all[all.len() - 1], all[all.len() / 2]] {
            assert_eq!(instance.param(p.name), Some(p));
        }
    }

    #[test]
    fn resources_take_their_constructor_keywords_and_self_is_a_real_field() {
        for major in Major::ALL {
            let t = Tables::get(major);
            let role = t.class("iam.Role").unwrap();
            for name in RESOURCE_CONSTRUCTOR_PARAMS {
                assert!(role.param(name).is_some(), "{major:?} {name}");
            }
            assert!(role.param("resource_name").unwrap().required);
            // Not an argument of the resource's Args class, nor of a resource without one.
            let role_args = t.class("iam.RoleArgs").unwrap();
            assert!(
                role_args.param("resource_name").is_none() && role_args.param("opts").is_none()
            );
            assert!(role.param("self").is_none() && role.param("__self__").is_none());
            for key in [
                "ec2.SecurityGroupIngressArgs",
                "ec2.SecurityGroupEgressArgs",
                "ec2.SecurityGroupRule",
                "ec2.SecurityGroupRuleArgs",
            ] {
                assert!(
                    t.class(key).unwrap().param("self").is_some(),
                    "{major:?} {key}"
                );
            }
            // A resource argument called `resource_name` is spelled `resource_name_`.
            let access = t.class("lightsail.BucketResourceAccess").unwrap();
            assert!(access.param("resource_name_").unwrap().required);
        }
    }

    #[test]
    fn enum_members_output_properties_functions_and_modules_are_recorded() {
        for major in Major::ALL {
            let t = Tables::get(major);
            let runtime: Vec<(&str, String)> = t.enum_members("lambda_.Runtime").unwrap().collect();
            assert!(
                runtime.contains(&("PYTHON3D12", "python3.12".to_string())),
                "{major:?}"
            );
            assert!(t.enum_members("lambda_.Function").is_none());
            assert_eq!(
                t.has_enum_member("lambda_.Runtime", "PYTHON3D12"),
                Some(true)
            );
            assert_eq!(
                t.has_enum_member("lambda_.Runtime", "PYTHON3_12"),
                Some(false)
            );
            assert_eq!(
                t.has_output("rds.Instance", "master_user_secrets"),
                Some(true)
            );
            assert_eq!(
                t.has_output("rds.Instance", "master_user_secret"),
                Some(false)
            );
            assert_eq!(t.has_output("rds.InstanceArgs", "address"), None);
            assert!(
                t.function("ec2.get_subnets")
                    .unwrap()
                    .results()
                    .any(|r| r == "ids")
            );
            assert!(t.function("ec2.get_subnets_output").is_some());
            assert!(t.function("get_caller_identity").is_some());
            assert!(t.functions_in("ec2").contains(&"ec2.get_vpc"));
            // `config` holds no class, and is a module all the same.
            assert!(t.has_module("config") && t.has_module("") && !t.has_module("logs"));
        }
        assert!(
            Tables::get(Major::V6)
                .function("ec2.get_subnet_ids")
                .is_none()
        );
    }

    /// The indexes `build.rs` computed answer for every record as a plain reading of the
    /// text does, and know nothing else.
    #[test]
    fn every_record_of_the_tables_is_found_by_its_key() {
        for major in Major::ALL {
            let t = Tables::get(major);
            let text = major.text();
            let (mut classes, mut enums, mut modules) = (0, Vec::new(), vec![""]);
            for line in text.lines() {
                let Some((tag, record)) = line.split_once(' ') else {
                    continue;
                };
                let (key, rest) = record.split_once('\t').unwrap_or((record, ""));
                match tag {
                    "R" | "A" => {
                        let class = t.class(key).unwrap_or_else(|| panic!("{key}"));
                        let kind = if tag == "R" {
                            Kind::Resource
                        } else {
                            Kind::Args
                        };
                        let params = match rest.strip_prefix('=') {
                            Some(resource) => t.class(resource).unwrap().params,
                            None => rest,
                        };
                        assert_eq!((class.key, class.kind, class.params), (key, kind, params));
                        assert!(t.exports(key));
                        classes += 1;
                    }
                    "D" => {
                        let (param, message) = rest.split_once('\t').unwrap();
                        assert_eq!(t.deprecation(key, param), Some(unescape(message)));
                        assert_eq!(t.deprecation(key, &format!("{param}_")), None);
                    }
                    "E" => assert!(t.exports(key) && t.class(key).is_none(), "{key}"),
                    "O" => {
                        let outputs = rest.split(',').filter(|p| !p.is_empty());
                        assert!(t.outputs(key).unwrap().eq(outputs), "{key}");
                    }
                    "V" => {
                        let (member, value) = rest.split_once('\t').unwrap();
                        assert_eq!(t.has_enum_member(key, member), Some(true));
                        if enums.last().is_none_or(|(last, _)| last != &key) {
                            enums.push((key, Vec::new()));
                        }
                        enums.last_mut().unwrap().1.push((member, unescape(value)));
                    }
                    "P" => modules.push(key),
                    _ => {}
                }
            }
            assert_eq!(t.classes().count(), classes);
            for (key, members) in &enums {
                assert!(t.enum_members(key).unwrap().eq(members.iter().cloned()));
                assert_eq!(t.has_enum_member(key, "NOT_A_MEMBER"), Some(false));
            }
            assert_eq!(t.enums().count(), enums.len());
            modules.sort_unstable();
            assert_eq!(t.modules(), modules);
            let prefix = format!("F {} ", major.number());
            let mut functions = 0;
            for record in functions_text()
                .lines()
                .filter_map(|l| l.strip_prefix(&prefix))
            {
                let mut fields = record.split('\t');
                let (key, params, results) = (fields.next(), fields.next(), fields.next());
                let function = t.function(key.unwrap()).unwrap();
                assert_eq!(
                    (function.params, function.results),
                    (params.unwrap(), results.unwrap())
                );
                functions += 1;
            }
            assert_eq!(t.indexes.functions.iter().count(), functions);
            for missing in [
                "",
                "ec2",
                "ec2.Eip2",
                "ec2.EipArgs\tdomain",
                "Eip",
                "ec2.get_vpcs2",
            ] {
                assert!(
                    t.class(missing).is_none() && !t.exports(missing),
                    "{missing:?}"
                );
                assert!(t.function(missing).is_none() && t.outputs(missing).is_none());
            }
        }
    }

    fn functions_text() -> &'static str {
        include_str!(concat!(env!("OUT_DIR"), "/pulumi-aws-functions"))
    }

    #[test]
    fn modules_root_classes_and_enums_are_known() {
        let t = Tables::get(Major::V7);
        assert!(t.has_module("ec2") && t.has_module("lambda_") && t.has_module(""));
        assert!(!t.has_module("logs"));
        assert_eq!(t.class("Provider").map(|c| c.kind), Some(Kind::Resource));
        assert!(t.exports("ec2.InstanceType") && t.class("ec2.InstanceType").is_none());
        assert!(!t.exports("logs.LogGroup"));
    }
}
