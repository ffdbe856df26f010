//! A stack's configuration file (`Pulumi.<stack>.yaml`) as the pulumi-aws 7 upgrade changes
//! it: the provider's `aws:assumeRole` object became `aws:assumeRoles`, a list of such objects
//! (the wheels' `config/vars.py`: 6 reads only `assumeRole`, 7 only `assumeRoles`; the keys of
//! one role are the same in both). Read line by line: the file is YAML, whose layout and
//! comments must survive, and only this one key is touched.

use crate::edit::Edit;
use std::ops::Range;

pub const OLD_KEY: &str = "aws:assumeRole";
pub const NEW_KEY: &str = "aws:assumeRoles";

/// The `aws:assumeRole` key of a stack file, and the edits that make it `aws:assumeRoles`
/// with its value as the one element of a list: `None` edits when the value's form is not one
/// this can rewrite for sure (a secret, a string, a flow mapping over several lines).
#[derive(Debug, PartialEq, Eq)]
pub struct AssumeRole {
    pub key: Range<usize>,
    pub edits: Option<Vec<Edit>>,
}

/// Lines of `text` with their start offsets, without their line ends.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = at;
        at += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

pub fn assume_role(text: &str) -> Option<AssumeRole> {
    let all: Vec<(usize, &str)> = lines(text).collect();
    let (index, &(start, line)) = all.iter().enumerate().find(|(_, (_, line))| {
        let key = line.trim_start();
        key.strip_prefix(OLD_KEY)
            .is_some_and(|rest| rest.starts_with(':'))
    })?;
    let key_indent = indent(line);
    let key = start + key_indent..start + key_indent + OLD_KEY.len();
    let rename = Edit {
        start: key.start,
        end: key.end,
        text: NEW_KEY.to_string(),
    };
    let value = line[key_indent + OLD_KEY.len() + 1..].trim();
    let value = value.split(" #").next().unwrap_or("").trim_end();
    let edits = if value.is_empty() {
        block_mapping(&all[index + 1..], key_indent).map(|mut edits| {
            edits.insert(0, rename);
            edits
        })
    } else if value.starts_with('{') && value.ends_with('}') {
        // `aws:assumeRole: {roleArn: ...}` on one line: the same object in a flow list.
        let at = start + line.find(value).expect("value is in its line");
        Some(vec![
            rename,
            Edit::insert(at, "["),
            Edit::insert(at + value.len(), "]"),
        ])
    } else {
        None
    };
    Some(AssumeRole { key, edits })
}

/// The edits that make the block mapping below a key (its lines more indented than the key)
/// the one element of a block list: `- ` before its first line, two more spaces before the
/// others. `None` when there is none, or it is a secret (`secure:`), which holds the whole
/// object encrypted and cannot be reshaped without the stack's key.
fn block_mapping(below: &[(usize, &str)], key_indent: usize) -> Option<Vec<Edit>> {
    let body: Vec<(usize, &str)> = below
        .iter()
        .copied()
        .take_while(|(_, line)| line.trim().is_empty() || indent(line) > key_indent)
        .collect();
    let content: Vec<(usize, &str)> = body
        .iter()
        .copied()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .collect();
    let &(first_start, first) = content.first()?;
    let child_indent = indent(first);
    let children = content.iter().filter(|(_, l)| indent(l) == child_indent);
    if children
        .clone()
        .any(|(_, l)| l.trim_start().starts_with("secure:"))
        || children
            .clone()
            .any(|(_, l)| l.trim_start().starts_with('-'))
        || first.contains('\t')
    {
        return None;
    }
    let mut edits = vec![Edit::insert(first_start + child_indent, "- ")];
    edits.extend(
        body.iter()
            .filter(|(start, line)| *start != first_start && !line.trim().is_empty())
            .map(|(start, _)| Edit::insert(*start, "  ")),
    );
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply_edits;

    fn rewritten(text: &str) -> Option<String> {
        let edits = assume_role(text)?.edits?;
        Some(apply_edits(text, &edits.iter().collect::<Vec<_>>()))
    }

    #[test]
    fn a_block_mapping_becomes_the_one_element_of_a_list() {
        let text = "config:\n  aws:region: us-east-1\n  aws:assumeRole:\n    roleArn: arn:aws:iam::123456789012:role/deploy\n    # why\n    sessionName: ci\n  app:name: x\n";
        assert_eq!(
            rewritten(text).unwrap(),
            "config:\n  aws:region: us-east-1\n  aws:assumeRoles:\n    - roleArn: arn:aws:iam::123456789012:role/deploy\n      # why\n      sessionName: ci\n  app:name: x\n"
        );
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(
            rewritten(&crlf).unwrap(),
            rewritten(text).unwrap().replace('\n', "\r\n")
        );
    }

    #[test]
    fn a_flow_mapping_on_one_line_goes_into_a_flow_list() {
        let text = "config:\n  aws:assumeRole: {roleArn: arn:x, sessionName: ci} # prod\n";
        assert_eq!(
            rewritten(text).unwrap(),
            "config:\n  aws:assumeRoles: [{roleArn: arn:x, sessionName: ci}] # prod\n"
        );
    }

    #[test]
    fn secrets_and_strings_are_found_but_not_rewritten() {
        let secret = "config:\n  aws:assumeRole:\n    secure: v1:abc\n";
        assert!(assume_role(secret).unwrap().edits.is_none());
        let string = "config:\n  aws:assumeRole: '{\"roleArn\": \"x\"}'\n";
        assert!(assume_role(string).unwrap().edits.is_none());
        assert_eq!(
            assume_role("config:\n  aws:assumeRoles:\n    - roleArn: x\n"),
            None
        );
        assert_eq!(assume_role("config:\n  aws:region: x\n"), None);
    }
}
