//! What a container image can run as an ECS health check. ECS runs `["CMD-SHELL", "<command>"]`
//! with the image's `/bin/sh`, and a command the image lacks fails every time, so ECS replaces
//! healthy tasks forever: the probe is picked from the tools the image is known to ship, and an
//! image whose tools are not known gets none.
//!
//! The table covers Docker Official Images, checked against their Dockerfiles
//! (docker-library/python and buildpack-deps, nodejs/docker-node, nginxinc/docker-nginx,
//! docker-library/httpd and busybox): the full Debian variants of `python` and `node` are built
//! on `buildpack-deps`, which installs curl; their `slim` variants purge curl and wget but keep
//! the interpreter; `nginx`'s Debian variants install curl; `httpd`'s Debian variant keeps
//! neither curl nor wget; every Alpine variant, and `busybox`, has BusyBox `wget`.

/// A program that can ask an HTTP endpoint from a `CMD-SHELL` health check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prober {
    Curl,
    /// BusyBox `wget` (GNU wget takes the same options).
    Wget,
    Python3,
    Node,
}

impl Prober {
    /// The shell command that succeeds only when `url` answers with a status below 400 (the
    /// statuses a load balancer's default `200` matcher and redirects cover). `url` must be a
    /// [`plain_url`]: it is written unquoted for the shell.
    pub fn command(self, url: &str) -> String {
        match self {
            Prober::Curl => format!("curl -f {url} || exit 1"),
            Prober::Wget => format!("wget -q --spider {url} || exit 1"),
            // urlopen raises on 4xx and 5xx: the uncaught exception exits with 1.
            Prober::Python3 => {
                format!("python3 -c \"import urllib.request; urllib.request.urlopen('{url}')\"")
            }
            Prober::Node => format!(
                "node -e \"require('http').get('{url}', r => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))\""
            ),
        }
    }

    /// The program, as a message names it.
    pub fn name(self) -> &'static str {
        match self {
            Prober::Curl => "curl",
            Prober::Wget => "BusyBox wget",
            Prober::Python3 => "python3",
            Prober::Node => "node",
        }
    }
}

/// The URL a container probes on itself. `127.0.0.1` rather than `localhost`: Alpine and
/// recent Node resolve `localhost` to `::1` first, where a server bound to `0.0.0.0` is not.
pub fn local_url(port: i64, path: &str) -> String {
    format!("http://127.0.0.1:{port}{path}")
}

/// True for a URL path that a shell command can carry unquoted, inside single and double
/// quotes alike: `/`, `/health`, `/api/v1/status`.
pub fn plain_url(path: &str) -> bool {
    path.starts_with('/')
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-._~%+,:@=".contains(c))
}

/// Why an image gets no probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unprobed {
    /// A known image with none of curl, wget, python3 or node (`ubuntu`, `httpd`).
    NoProber,
    /// A distroless image: no shell, so no `CMD-SHELL` command runs at all.
    NoShell,
    /// Its tools are not known; the reason completes "image `x` is ...".
    Unknown(&'static str),
}

/// One Docker Official Image whose variants' tools are known.
struct Family {
    repository: &'static str,
    /// The default (Debian, or only) variant, the `slim` one and the `alpine` ones; `None`:
    /// none of the probes runs there.
    default: Option<Prober>,
    slim: Option<Prober>,
    alpine: Option<Prober>,
    /// Tag words that stand for a version (`latest`, `lts`, Node's codenames).
    aliases: &'static [&'static str],
    /// Tag words for flavours with the same tools as their variant (`nginx:perl`).
    flavours: &'static [&'static str],
    /// The oldest major version the row holds for (`python:2.7-slim` has no `python3`; old
    /// Node has no arrow functions).
    oldest_major: u32,
}

const FAMILIES: &[Family] = &[
    Family {
        repository: "nginx",
        default: Some(Prober::Curl),
        slim: None,
        alpine: Some(Prober::Wget),
        aliases: &["latest", "stable", "mainline"],
        flavours: &["perl", "otel"],
        oldest_major: 0,
    },
    Family {
        repository: "httpd",
        default: None,
        slim: None,
        alpine: Some(Prober::Wget),
        aliases: &["latest"],
        flavours: &[],
        oldest_major: 0,
    },
    Family {
        repository: "python",
        default: Some(Prober::Curl),
        slim: Some(Prober::Python3),
        alpine: Some(Prober::Wget),
        aliases: &["latest", "rc"],
        flavours: &[],
        oldest_major: 3,
    },
    Family {
        repository: "node",
        default: Some(Prober::Curl),
        slim: Some(Prober::Node),
        alpine: Some(Prober::Wget),
        aliases: &[
            "latest", "lts", "current", "argon", "boron", "carbon", "dubnium", "erbium", "fermium",
            "gallium", "hydrogen", "iron", "jod", "krypton",
        ],
        flavours: &[],
        oldest_major: 6,
    },
    Family {
        repository: "alpine",
        default: Some(Prober::Wget),
        slim: None,
        alpine: Some(Prober::Wget),
        aliases: &["latest", "edge"],
        flavours: &[],
        oldest_major: 0,
    },
    Family {
        repository: "busybox",
        default: Some(Prober::Wget),
        slim: None,
        alpine: None,
        aliases: &["latest", "stable", "unstable"],
        flavours: &["glibc", "musl", "uclibc"],
        oldest_major: 0,
    },
    Family {
        repository: "debian",
        default: None,
        slim: None,
        alpine: None,
        aliases: &[
            "latest",
            "stable",
            "oldstable",
            "testing",
            "unstable",
            "sid",
        ],
        flavours: &[],
        oldest_major: 0,
    },
    Family {
        repository: "ubuntu",
        default: None,
        slim: None,
        alpine: None,
        aliases: &[
            "latest", "rolling", "devel", "bionic", "focal", "jammy", "noble", "oracular",
            "plucky", "questing",
        ],
        flavours: &[],
        oldest_major: 0,
    },
];

/// Debian releases, which tags name beside a version (`3.12-slim-bookworm`).
const DEBIAN_RELEASES: &[&str] = &[
    "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie",
];

/// The names Docker Hub is written with in an image reference.
const DOCKER_HUB: &[&str] = &[
    "docker.io/",
    "index.docker.io/",
    "registry-1.docker.io/",
    "registry.hub.docker.com/",
];

/// Where the official images are also pulled from: Amazon ECR Public mirrors them.
const OFFICIAL_MIRRORS: &[&str] = &["public.ecr.aws/docker/library/"];

/// The probe that the image reference `image` (as written in a container definition) can run.
pub fn prober(image: &str) -> Result<Prober, Unprobed> {
    let (named, digest) = match image.split_once('@') {
        Some((named, _)) => (named, true),
        None => (image, false),
    };
    let (name, tag) = match named.rsplit_once(':') {
        Some((name, tag)) if !tag.contains('/') => (name, Some(tag)),
        _ => (named, None),
    };
    let on_hub = DOCKER_HUB
        .iter()
        .find_map(|h| name.strip_prefix(h))
        .unwrap_or(name);
    let repository = OFFICIAL_MIRRORS
        .iter()
        .find_map(|m| name.strip_prefix(m))
        .or_else(|| on_hub.strip_prefix("library/"))
        .unwrap_or(on_hub);
    if repository.contains('/') {
        let host = repository.split('/').next().unwrap_or_default();
        return if repository.contains("distroless") {
            // The `debug` tags add a BusyBox shell.
            if tag.is_some_and(|t| t.contains("debug")) {
                Err(Unprobed::Unknown(
                    "a distroless debug image, whose BusyBox infra-fix does not know",
                ))
            } else {
                Err(Unprobed::NoShell)
            }
        } else if host.contains(".dkr.ecr.") {
            Err(Unprobed::Unknown("in a private ECR repository"))
        } else if host.contains(['.', ':']) || host == "localhost" {
            Err(Unprobed::Unknown(
                "from a registry whose images infra-fix does not know",
            ))
        } else {
            Err(Unprobed::Unknown("not a Docker Official Image"))
        };
    }
    let Some(family) = FAMILIES.iter().find(|f| f.repository == repository) else {
        return Err(Unprobed::Unknown(
            "an official image whose tools infra-fix does not know",
        ));
    };
    let tag = match tag {
        Some(tag) => tag,
        None if digest => return Err(Unprobed::Unknown("pinned by a digest alone")),
        None => "latest",
    };
    let (mut slim, mut alpine) = (false, false);
    for word in tag.split('-') {
        if let Some(major) = version_major(word) {
            if major < family.oldest_major {
                return Err(Unprobed::Unknown(
                    "older than the versions whose tools infra-fix knows",
                ));
            }
        } else if word == "slim" {
            slim = true;
        } else if word
            .strip_prefix("alpine")
            .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
        {
            alpine = true;
        } else if !(family.aliases.contains(&word)
            || family.flavours.contains(&word)
            || DEBIAN_RELEASES.contains(&word))
        {
            return Err(Unprobed::Unknown(
                "tagged with a variant infra-fix does not know",
            ));
        }
    }
    let prober = if alpine {
        family.alpine
    } else if slim {
        family.slim
    } else {
        family.default
    };
    prober.ok_or(Unprobed::NoProber)
}

/// The major of a version tag word: `3` for `3.12`, `3.15.0b2` or `24.04`.
fn version_major(word: &str) -> Option<u32> {
    let numeric = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let numeric = ["a", "b", "rc"]
        .iter()
        .find_map(|p| {
            numeric
                .strip_suffix(p)
                .filter(|_| numeric.len() < word.len())
        })
        .unwrap_or(word);
    if numeric.is_empty() || !numeric.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    numeric.split('.').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_images_get_the_probe_their_variant_ships() {
        use Prober::*;
        for (image, prober) in [
            ("nginx", Curl),
            ("nginx:1.27", Curl),
            ("nginx:1.27.4-bookworm-perl", Curl),
            ("nginx:stable-otel", Curl),
            ("nginx:alpine", Wget),
            ("nginx:1.27-alpine3.21-slim", Wget),
            ("httpd:2.4-alpine", Wget),
            ("python:3.12", Curl),
            ("python:3.11-bookworm", Curl),
            ("python:3.11-slim", Python3),
            ("python:3.12-slim-bookworm", Python3),
            ("python:slim", Python3),
            ("python:3.15-rc-slim-trixie", Python3),
            ("python:3.15.0b2-slim", Python3),
            ("python:3.12-alpine3.20", Wget),
            ("node:20", Curl),
            ("node:lts", Curl),
            ("node:20-slim", Node),
            ("node:iron-bookworm-slim", Node),
            ("node:22-alpine", Wget),
            ("alpine:3.20", Wget),
            ("busybox:1.36-musl", Wget),
            ("docker.io/library/python:3.12-slim", Python3),
            ("docker.io/nginx:1.27", Curl),
            ("public.ecr.aws/docker/library/node:20-slim", Node),
            ("nginx:1.27@sha256:0123abcd", Curl),
        ] {
            assert_eq!(super::prober(image), Ok(prober), "{image}");
        }
    }

    #[test]
    fn images_whose_tools_are_unknown_or_missing_get_no_probe() {
        for image in [
            "ubuntu:24.04",
            "ubuntu:noble",
            "debian:bookworm-slim",
            "httpd:2.4",
            "httpd",
        ] {
            assert_eq!(prober(image), Err(Unprobed::NoProber), "{image}");
        }
        for image in [
            "gcr.io/distroless/python3-debian12",
            "gcr.io/distroless/static:nonroot",
        ] {
            assert_eq!(prober(image), Err(Unprobed::NoShell), "{image}");
        }
        for image in [
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest",
            "ghcr.io/org/app:1.0",
            "localhost:5000/app",
            "gcr.io/distroless/base-debian12:debug",
            "bitnami/nginx:1.27",
            "redis:7",
            "nginx@sha256:0123abcd",
            "python:2.7-slim",
            "node:4-slim",
            "python:3.12-windowsservercore-ltsc2022",
            "node:20-onbuild",
            "nginx:slim-unknown",
        ] {
            assert!(
                matches!(prober(image), Err(Unprobed::Unknown(_))),
                "{image}: {:?}",
                prober(image)
            );
        }
    }

    #[test]
    fn versions_are_read_from_tag_words() {
        assert_eq!(version_major("3.12"), Some(3));
        assert_eq!(version_major("3.15.0rc1"), Some(3));
        assert_eq!(version_major("24.04"), Some(24));
        assert_eq!(version_major("rc"), None);
        assert_eq!(version_major("alpine3.20"), None);
        assert_eq!(version_major("b2"), None);
    }

    #[test]
    fn probes_are_plain_shell_words() {
        assert!(plain_url("/"));
        assert!(plain_url("/api/v1/health-check"));
        for path in [
            "health", "/a b", "/a'b", "/$(id)", "/a;b", "/a&b", "/a\"b", "/a`b`",
        ] {
            assert!(!plain_url(path), "{path}");
        }
        let url = local_url(8000, "/health");
        assert_eq!(
            Prober::Python3.command(&url),
            "python3 -c \"import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')\""
        );
        assert_eq!(
            Prober::Wget.command(&url),
            "wget -q --spider http://127.0.0.1:8000/health || exit 1"
        );
    }
}
