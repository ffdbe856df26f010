//! Rule options: what a codemod declares it accepts under `[rules.<rule-id>]` (name, kind,
//! default, validator), the values a configuration sets, and the typed view a check reads
//! them through (`cx.options()`). The configuration reader validates against the declaration
//! alone, so it names no codemod.

use std::collections::BTreeMap;

/// One option of a codemod: `[rules.<rule-id>] <name> = <value>`.
#[derive(Debug, Clone, Copy)]
pub struct RuleOption {
    /// As written in the configuration, kebab-case: `retention-days`.
    pub name: &'static str,
    pub kind: OptionKind,
}

/// What values an option takes, and the one used when none is configured.
#[derive(Debug, Clone, Copy)]
pub enum OptionKind {
    /// A whole number from `min` to `max`; `unit` ends the message that says so
    /// ("days (the AWS limits)").
    Integer {
        min: i64,
        max: i64,
        unit: &'static str,
        default: i64,
    },
    /// One of these strings, spelled exactly.
    OneOf {
        values: &'static [&'static str],
        default: &'static str,
    },
    /// A string that `parse` accepts, kept as `parse` returns it (normalized); `expected`
    /// says what that is in a message ("a daily UTC window ...").
    Text {
        parse: fn(&str) -> Option<String>,
        expected: &'static str,
        default: Option<&'static str>,
    },
}

impl RuleOption {
    /// What the option must be, for a message: `a whole number from 1 to 35 days`.
    pub fn expected(&self) -> String {
        match self.kind {
            OptionKind::Integer { min, max, unit, .. } => {
                format!("a whole number from {min} to {max} {unit}")
            }
            OptionKind::OneOf { values, .. } => {
                let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
                match quoted.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                    None => String::new(),
                }
            }
            OptionKind::Text { expected, .. } => expected.to_string(),
        }
    }
}

/// A configured value, validated against its option's declaration.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OptionValue {
    Integer(i64),
    Text(String),
}

/// A check across a codemod's options (two windows that must not overlap), run once the
/// configuration's values are read: the option to blame and the message.
pub type CheckOptions = fn(&Options) -> Option<(&'static str, String)>;

/// The option values one configuration sets, by rule id and option name. Options it does
/// not set take their declared defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RuleOptions {
    set: BTreeMap<(&'static str, &'static str), OptionValue>,
}

impl RuleOptions {
    pub fn set(&mut self, rule: &'static str, option: &'static str, value: OptionValue) {
        self.set.insert((rule, option), value);
    }

    /// The options of `rule` (declared as `declared`), as its check reads them.
    pub fn of<'a>(&'a self, rule: &'static str, declared: &'static [RuleOption]) -> Options<'a> {
        Options {
            rule,
            declared,
            set: self,
        }
    }
}

/// One codemod's options: each configured value, or the declared default.
pub struct Options<'a> {
    rule: &'static str,
    declared: &'static [RuleOption],
    set: &'a RuleOptions,
}

impl<'a> Options<'a> {
    /// An `Integer` option's value.
    pub fn integer(&self, option: &RuleOption) -> i64 {
        match (self.value(option), self.declaration(option).kind) {
            (Some(OptionValue::Integer(v)), _) => *v,
            (None, OptionKind::Integer { default, .. }) => default,
            _ => panic!("`{}` is not an integer option", option.name),
        }
    }

    /// A `OneOf` option's value.
    pub fn choice(&self, option: &RuleOption) -> &'a str {
        match (self.value(option), self.declaration(option).kind) {
            (Some(OptionValue::Text(s)), OptionKind::OneOf { .. }) => s,
            (None, OptionKind::OneOf { default, .. }) => default,
            _ => panic!("`{}` is not a one-of option", option.name),
        }
    }

    /// A `Text` option's value; `None` when it is left unset and has no default.
    pub fn text(&self, option: &RuleOption) -> Option<&'a str> {
        match (self.value(option), self.declaration(option).kind) {
            (Some(OptionValue::Text(s)), OptionKind::Text { .. }) => Some(s),
            (None, OptionKind::Text { default, .. }) => default,
            _ => panic!("`{}` is not a text option", option.name),
        }
    }

    fn value(&self, option: &RuleOption) -> Option<&'a OptionValue> {
        self.set.set.get(&(self.rule, option.name))
    }

    /// The codemod's own declaration of `option`: reading an undeclared one is a bug.
    fn declaration(&self, option: &RuleOption) -> &'static RuleOption {
        self.declared
            .iter()
            .find(|o| o.name == option.name)
            .unwrap_or_else(|| panic!("`{}` does not declare `{}`", self.rule, option.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAYS: RuleOption = RuleOption {
        name: "days",
        kind: OptionKind::Integer {
            min: 1,
            max: 35,
            unit: "days",
            default: 7,
        },
    };
    const MODE: RuleOption = RuleOption {
        name: "mode",
        kind: OptionKind::OneOf {
            values: &["a", "b", "c"],
            default: "a",
        },
    };
    const PATH: RuleOption = RuleOption {
        name: "path",
        kind: OptionKind::Text {
            parse: |s| Some(s.to_ascii_lowercase()),
            expected: "a path",
            default: None,
        },
    };
    static DECLARED: &[RuleOption] = &[DAYS, MODE, PATH];

    #[test]
    fn unset_options_read_their_defaults_and_set_ones_their_values() {
        let mut set = RuleOptions::default();
        let options = set.of("rule", DECLARED);
        assert_eq!(options.integer(&DAYS), 7);
        assert_eq!(options.choice(&MODE), "a");
        assert_eq!(options.text(&PATH), None);
        set.set("rule", "days", OptionValue::Integer(14));
        set.set("rule", "path", OptionValue::Text("/x".into()));
        set.set("other-rule", "mode", OptionValue::Text("b".into()));
        let options = set.of("rule", DECLARED);
        assert_eq!(options.integer(&DAYS), 14);
        assert_eq!(options.choice(&MODE), "a", "another rule's value");
        assert_eq!(options.text(&PATH), Some("/x"));
    }

    #[test]
    fn expected_values_read_as_a_sentence() {
        assert_eq!(DAYS.expected(), "a whole number from 1 to 35 days");
        assert_eq!(MODE.expected(), "\"a\", \"b\" or \"c\"");
        let two = RuleOption {
            name: "two",
            kind: OptionKind::OneOf {
                values: &["MUTABLE", "IMMUTABLE"],
                default: "MUTABLE",
            },
        };
        assert_eq!(two.expected(), "\"MUTABLE\" or \"IMMUTABLE\"");
    }
}
