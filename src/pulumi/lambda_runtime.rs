//! Lambda runtimes: which AWS has deprecated (its published schedule, as data) and which
//! runtime of the same language replaces one, from the project's `lambda_.Runtime` enum.

use crate::pulumi::Tables;

/// AWS's schedule of deprecated Lambda runtimes (identifier, deprecation date), from the
/// "Deprecated runtimes" table of https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
/// as it stood on `SCHEDULE_TAKEN`. Only rows deprecated by then are here: the rows AWS lists
/// as scheduled have moved before, so a newer date means reading the page again, row by row.
const DEPRECATED: &[(&str, &str)] = &[
    ("nodejs18.x", "2025-09-01"),
    ("nodejs16.x", "2024-06-12"),
    ("python3.8", "2024-10-14"),
    ("dotnet6", "2024-12-20"),
    ("dotnet7", "2024-05-14"),
    ("java8", "2024-01-08"),
    ("go1.x", "2024-01-08"),
    ("provided", "2024-01-08"),
    ("nodejs14.x", "2023-12-04"),
    ("python3.7", "2023-12-04"),
    ("ruby2.7", "2023-12-07"),
    ("dotnetcore3.1", "2023-04-03"),
    ("nodejs12.x", "2023-03-31"),
    ("python3.6", "2022-07-18"),
    ("dotnet5.0", "2022-05-10"),
    ("dotnetcore2.1", "2022-01-05"),
    ("nodejs10.x", "2021-07-30"),
    ("ruby2.5", "2021-07-30"),
    ("python2.7", "2021-07-15"),
    ("nodejs8.10", "2020-03-06"),
    ("nodejs4.3", "2020-03-06"),
    ("nodejs4.3-edge", "2019-04-30"),
    ("nodejs6.10", "2019-08-12"),
    ("dotnetcore1.0", "2019-07-30"),
    ("dotnetcore2.0", "2019-05-30"),
    ("nodejs", "2016-10-31"),
];

/// The day `DEPRECATED` was read. A runtime counts as deprecated when its date is on or before
/// it, so the findings do not change with the clock.
const SCHEDULE_TAKEN: &str = "2025-11-01";

/// The OS-only runtime on Amazon Linux 1 moves to the current OS-only runtime.
pub const OS_ONLY: (&str, &str) = ("provided", "provided.al2023");

/// Go's runtime has no successor of its own: a Go function becomes an OS-only one.
pub const GO: &str = "go1.x";

/// When AWS deprecated `runtime`, if it has by `SCHEDULE_TAKEN`.
pub fn deprecated_on(runtime: &str) -> Option<&'static str> {
    DEPRECATED
        .iter()
        .find(|(r, date)| *r == runtime && *date <= SCHEDULE_TAKEN)
        .map(|&(_, date)| date)
}

/// `python3.8` -> (`python`, [3, 8]); `dotnetcore3.1` is `dotnet`; `java8.al2` is (`java`, [8]).
fn language_and_version(runtime: &str) -> Option<(&str, Vec<u32>)> {
    let digits = runtime.find(|c: char| c.is_ascii_digit())?;
    let language = match &runtime[..digits] {
        "dotnetcore" => "dotnet",
        l @ ("python" | "nodejs" | "java" | "dotnet" | "ruby") => l,
        _ => return None,
    };
    let version = runtime[digits..]
        .split('.')
        .map_while(|part| part.parse().ok())
        .collect();
    Some((language, version))
}

/// What replaces a deprecated runtime: the newest of the same language that the project's
/// `lambda_.Runtime` enum has and AWS has not deprecated, as (enum member, value).
pub fn successor(tables: &Tables, runtime: &str) -> Option<(&'static str, String)> {
    let members: Vec<(&'static str, String)> = tables.enum_members("lambda_.Runtime")?.collect();
    if runtime == OS_ONLY.0 {
        return members.into_iter().find(|(_, v)| v == OS_ONLY.1);
    }
    // `nodejs` alone is Node.js 0.10.
    let language = if runtime == "nodejs" {
        "nodejs"
    } else {
        language_and_version(runtime)?.0
    };
    members
        .into_iter()
        .filter(|(_, v)| deprecated_on(v).is_none())
        .filter_map(|(m, v)| {
            let (l, version) = language_and_version(&v)?;
            (l == language).then_some((version, m, v))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, m, v)| (m, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pulumi::Major;

    #[test]
    fn the_schedule_is_dated_and_ordered_by_its_taking() {
        assert_eq!(deprecated_on("python3.8"), Some("2024-10-14"));
        assert_eq!(deprecated_on("python3.12"), None);
        // Dates are ISO days, so comparing the text compares the days.
        for (runtime, date) in DEPRECATED {
            assert_eq!(date.len(), 10, "{runtime}");
            assert!(*date <= SCHEDULE_TAKEN, "{runtime}");
        }
    }

    #[test]
    fn successors_come_from_the_majors_enum() {
        let six = Tables::get(Major::V6);
        let seven = Tables::get(Major::V7);
        assert_eq!(successor(six, "python3.8").unwrap().1, "python3.13");
        assert_eq!(
            successor(seven, "python3.8").unwrap(),
            ("PYTHON3D14", "python3.14".into())
        );
        assert_eq!(successor(seven, "nodejs16.x").unwrap().1, "nodejs24.x");
        assert_eq!(successor(seven, "nodejs").unwrap().1, "nodejs24.x");
        assert_eq!(successor(six, "dotnetcore3.1").unwrap().1, "dotnet8");
        assert_eq!(successor(seven, "java8").unwrap().1, "java25");
        assert_eq!(successor(seven, "ruby2.7").unwrap().1, "ruby3.4");
        assert_eq!(
            successor(seven, "provided").unwrap(),
            ("CUSTOM_AL2023", "provided.al2023".into())
        );
        assert_eq!(successor(seven, "go1.x"), None);
    }
}
