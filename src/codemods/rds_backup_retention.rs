//! `rds-backup-retention`: RDS instances and clusters without automated backups (catalog issue 10).

use super::options::{OptionKind, Options, RuleOption};
use super::{Checker, Match, codemod};
use crate::edit::{Edit, Fix};
use crate::pulumi::append_arguments;
use crate::pulumi::literal::{int_value, string_value};

pub const CODEMOD: super::Codemod = codemod! {
    id: "rds-backup-retention",
    title: "RDS instance or cluster without `backup_retention_period`, or with it set to 0",
    fix: Sometimes,
    matches: classes["rds.Instance", "rds.Cluster"],
    options: [RETENTION_DAYS, BACKUP_WINDOW, MAINTENANCE_WINDOW],
    check_options: windows_apart,
    check: check,
};

const RETENTION_DAYS: RuleOption = RuleOption {
    name: "retention-days",
    kind: OptionKind::Integer {
        min: 1,
        max: 35,
        unit: "days (the AWS limits)",
        default: 7,
    },
};

/// The first choice for a missing backup window.
const BACKUP_WINDOW: RuleOption = RuleOption {
    name: "backup-window",
    kind: OptionKind::Text {
        parse: |s| parse_backup(s).map(|_| s.to_string()),
        expected: "a daily UTC window \"hh:mm-hh:mm\" such as \"03:00-04:00\"",
        default: None,
    },
};

/// The first choice for a missing maintenance window.
const MAINTENANCE_WINDOW: RuleOption = RuleOption {
    name: "maintenance-window",
    kind: OptionKind::Text {
        parse: |s| parse_maintenance(s).map(|_| s.to_ascii_lowercase()),
        expected: "a weekly UTC window \"ddd:hh:mm-ddd:hh:mm\" such as \"mon:04:00-mon:05:00\"",
        default: None,
    },
};

/// AWS rejects a maintenance window that overlaps the backup window.
fn windows_apart(options: &Options) -> Option<(&'static str, String)> {
    let backup = options.text(&BACKUP_WINDOW)?;
    let maintenance = options.text(&MAINTENANCE_WINDOW)?;
    overlaps(parse_backup(backup)?, parse_maintenance(maintenance)?).then(|| {
        (
            MAINTENANCE_WINDOW.name,
            format!("\"{maintenance}\" overlaps `backup-window` \"{backup}\"; AWS requires windows that do not overlap"),
        )
    })
}

/// Argument names of the two windows, which differ between instances and clusters.
struct WindowArgs {
    backup: &'static str,
    maintenance: &'static str,
}

const INSTANCE: WindowArgs = WindowArgs {
    backup: "backup_window",
    maintenance: "maintenance_window",
};
const CLUSTER: WindowArgs = WindowArgs {
    backup: "preferred_backup_window",
    maintenance: "preferred_maintenance_window",
};

fn check(cx: &mut Checker, m: &Match) {
    let Some(call) = m.node("call") else { return };
    let Some(resource) = m.construction(&["rds.Instance", "rds.Cluster"]) else {
        return;
    };
    let is_instance = resource.type_name == "rds.Instance";
    // The keywords may live in an `InstanceArgs(...)` object: read and fix them there.
    let Some(db) = resource.written_arguments(cx.imports, cx.text) else {
        return;
    };
    if db.has_kwargs_splat()
        || (is_instance
            && (db.keyword("replicate_source_db", cx.text).is_some()
                || db.keyword("cluster_identifier", cx.text).is_some()))
    {
        return;
    }
    let args = if is_instance { &INSTANCE } else { &CLUSTER };
    let options = cx.options();
    let days = options.integer(&RETENTION_DAYS);
    // A configured window is the first choice; the usual hours follow it.
    let backup_candidates: Vec<&str> = options
        .text(&BACKUP_WINDOW)
        .into_iter()
        .chain(BACKUP_CANDIDATES.iter().copied())
        .collect();
    let maintenance_candidates: Vec<&str> = options
        .text(&MAINTENANCE_WINDOW)
        .into_iter()
        .chain(MAINTENANCE_CANDIDATES.iter().copied())
        .collect();
    let retention = db.keyword("backup_retention_period", cx.text);
    let zero = match retention {
        None => None,
        Some(r) if int_value(r.value, cx.text) == Some(0) => Some(r),
        Some(_) => return,
    };

    // The windows to add, each only when absent and never overlapping one already set.
    let backup = db
        .keyword(args.backup, cx.text)
        .map(|k| string_value(k.value, cx.text));
    let maintenance = db
        .keyword(args.maintenance, cx.text)
        .map(|k| string_value(k.value, cx.text));
    let mut added = Vec::new();
    if zero.is_none() {
        added.push(format!("backup_retention_period={days}"));
    }
    let mut note = String::new();
    match (backup, maintenance) {
        (None, None) => {
            let backup = backup_candidates[0];
            let b = parse_backup(backup).expect("valid");
            added.push(format!("{}={}", args.backup, cx.style().string(backup)));
            // A long configured backup window may leave none of the usual hours free.
            match maintenance_candidates
                .iter()
                .find(|c| !overlaps(b, parse_maintenance(c).expect("valid")))
            {
                Some(w) => added.push(format!("{}={}", args.maintenance, cx.style().string(w))),
                None => note = not_added(args.backup, args.maintenance, NO_FREE_HOUR),
            }
        }
        (None, Some(Some(existing))) => match parse_maintenance(existing) {
            Some(m) => match backup_candidates
                .iter()
                .find(|c| !overlaps(parse_backup(c).expect("valid"), m))
            {
                Some(w) => added.push(format!("{}={}", args.backup, cx.style().string(w))),
                None => note = not_added(args.maintenance, args.backup, NO_FREE_HOUR),
            },
            None => {
                note = not_added(
                    args.maintenance,
                    args.backup,
                    "is not in `ddd:hh:mm-ddd:hh:mm` form",
                )
            }
        },
        (Some(Some(existing)), None) => match parse_backup(existing) {
            Some(b) => match maintenance_candidates
                .iter()
                .find(|c| !overlaps(b, parse_maintenance(c).expect("valid")))
            {
                Some(w) => added.push(format!("{}={}", args.maintenance, cx.style().string(w))),
                None => note = not_added(args.backup, args.maintenance, NO_FREE_HOUR),
            },
            None => {
                note = not_added(
                    args.backup,
                    args.maintenance,
                    "is not in `hh:mm-hh:mm` form",
                )
            }
        },
        (None, Some(None)) => {
            note = not_added(args.maintenance, args.backup, "is not a string literal")
        }
        (Some(None), None) => {
            note = not_added(args.backup, args.maintenance, "is not a string literal")
        }
        (Some(_), Some(_)) => {}
    }

    match zero {
        None => {
            let what = if is_instance {
                "RDS instance"
            } else {
                "RDS cluster"
            };
            let fix = Fix::safe(vec![append_arguments(
                cx.text,
                db.arguments,
                &added,
                cx.style(),
            )]);
            cx.report(
                call,
                format!("{what} without `backup_retention_period`, so backups are kept 1 day; keep {days} days{note}"),
                Some(fix),
            );
        }
        Some(retention) => {
            let mut edits = vec![Edit::replace(retention.value, days.to_string())];
            if !added.is_empty() {
                edits.push(append_arguments(cx.text, db.arguments, &added, cx.style()));
            }
            // AWS only accepts 1 to 35 days for a DB cluster: there 0 is an error, not a choice.
            let message = if is_instance {
                format!(
                    "`backup_retention_period=0` turns off automated backups and point-in-time recovery of this RDS instance; keep {days} days (turning backups on takes the instance offline briefly){note}"
                )
            } else {
                format!(
                    "`backup_retention_period=0` is rejected for an RDS cluster, which keeps 1 to 35 days of automated backups; keep {days} days{note}"
                )
            };
            cx.report(retention.value, message, Some(Fix::unsafe_(edits)));
        }
    }
}

const NO_FREE_HOUR: &str = "leaves none of the usual hours free";

/// Says why the window `missing` was not added next to the window `existing`.
fn not_added(existing: &str, missing: &str, why: &str) -> String {
    format!(" (`{existing}` {why}, so `{missing}` was not added: it could overlap)")
}

/// Daily backup windows to try, in order, when a maintenance window is already set.
const BACKUP_CANDIDATES: &[&str] = &[
    "03:00-04:00",
    "05:00-06:00",
    "01:00-02:00",
    "07:00-08:00",
    "23:00-00:00",
    "21:00-22:00",
    "10:00-11:00",
    "15:00-16:00",
];
/// Weekly maintenance windows to try, in order, when a backup window is already set.
const MAINTENANCE_CANDIDATES: &[&str] = &[
    "mon:04:00-mon:05:00",
    "mon:06:00-mon:07:00",
    "mon:01:00-mon:02:00",
    "mon:08:00-mon:09:00",
    "sun:22:00-sun:23:00",
    "mon:12:00-mon:13:00",
    "mon:17:00-mon:18:00",
];

const DAY: u32 = 24 * 60;
const WEEK: u32 = 7 * DAY;

fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && s.len() == 5).then_some(h * 60 + m)
}

/// `hh:mm-hh:mm` as minutes of the day, the end past the start (wrapping past midnight).
fn parse_backup(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once('-')?;
    let (start, end) = (parse_hhmm(a)?, parse_hhmm(b)?);
    Some((start, if end <= start { end + DAY } else { end }))
}

/// `ddd:hh:mm-ddd:hh:mm` as minutes of the week, the end past the start (wrapping past Sunday).
fn parse_maintenance(s: &str) -> Option<(u32, u32)> {
    let point = |p: &str| -> Option<u32> {
        let (day, time) = p.split_at_checked(3)?;
        let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .position(|d| d.eq_ignore_ascii_case(day))?;
        Some(day as u32 * DAY + parse_hhmm(time.strip_prefix(':')?)?)
    };
    let (a, b) = s.split_once('-')?;
    let (start, end) = (point(a)?, point(b)?);
    Some((start, if end <= start { end + WEEK } else { end }))
}

/// Whether a daily window meets a weekly one on any day.
fn overlaps(backup: (u32, u32), maintenance: (u32, u32)) -> bool {
    (0..=7).any(|day| {
        let b = (day * DAY + backup.0, day * DAY + backup.1);
        [0, WEEK].iter().any(|&shift| {
            let m = (maintenance.0 + shift, maintenance.1 + shift);
            b.0 < m.1 && m.0 < b.1
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_windows_do_not_overlap() {
        let b = parse_backup(BACKUP_CANDIDATES[0]).unwrap();
        let m = parse_maintenance(MAINTENANCE_CANDIDATES[0]).unwrap();
        assert!(!overlaps(b, m));
    }

    #[test]
    fn overlap_is_found_across_days_and_the_week_boundary() {
        let b = parse_backup("03:00-04:00").unwrap();
        assert!(overlaps(
            b,
            parse_maintenance("wed:03:30-wed:04:30").unwrap()
        ));
        assert!(!overlaps(
            b,
            parse_maintenance("wed:04:00-wed:05:00").unwrap()
        ));
        // Sunday 23:00 to Monday 03:30 wraps the week.
        assert!(overlaps(
            b,
            parse_maintenance("sun:23:00-mon:03:30").unwrap()
        ));
        // A backup window across midnight.
        let late = parse_backup("23:30-00:30").unwrap();
        assert!(overlaps(
            late,
            parse_maintenance("tue:00:00-tue:00:45").unwrap()
        ));
    }

    #[test]
    fn malformed_windows_are_not_parsed() {
        assert_eq!(parse_backup("3:00-4:00"), None);
        assert_eq!(parse_maintenance("monday:04:00-mon:05:00"), None);
    }
}
