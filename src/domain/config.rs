//! `config.json`: how a deployment points the editor at its backend. One
//! build serves everywhere; the file beside it says where the model
//! registry is. Read at start; a missing file means no backend (the editor
//! works offline with import and export); a malformed one is reported with
//! the exact problem, and the editor still starts.

use std::fmt;

use serde::Deserialize;

/// How requests to the endpoint are authenticated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    /// Unsigned: something in front of the service signs (a SigV4 proxy,
    /// API Gateway with an AWS service integration).
    None,
    /// The page signs with temporary credentials the user enters.
    Sigv4,
}

/// The backend the editor talks to.
#[derive(Clone, Debug, PartialEq)]
pub struct BackendConfig {
    /// The endpoint's URL (`https://api.sagemaker.us-east-2.amazonaws.com/`
    /// or a proxy's), ending with `/`.
    pub endpoint: String,
    /// The endpoint's host (with a port when not the default), for signing:
    /// as the browser sends it in `Host`.
    pub host: String,
    /// The endpoint's path, ending with `/`, for signing: as the browser
    /// sends it.
    pub path: String,
    /// The AWS region.
    pub region: String,
    /// How requests are authenticated.
    pub signing: Signing,
    /// How long one request may take, in milliseconds.
    pub timeout_ms: u32,
    /// Only these model package groups are shown, when given.
    pub groups: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    endpoint: String,
    region: String,
    #[serde(default = "default_signing")]
    signing: Signing,
    #[serde(default = "default_timeout")]
    timeout_ms: u32,
    #[serde(default)]
    groups: Option<Vec<String>>,
}

fn default_signing() -> Signing {
    Signing::None
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_MS
}

/// A request's time limit when the configuration names none.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// Why `config.json` cannot be used; the message names the exact problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "config.json is not usable: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

/// Reads `config.json`'s text.
pub fn parse_config(text: &str) -> Result<BackendConfig, ConfigError> {
    let raw: RawConfig = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = message
            .strip_suffix(&position)
            .unwrap_or(&message)
            .to_owned();
        ConfigError(format!(
            "{message} (line {}, column {})",
            error.line(),
            error.column()
        ))
    })?;
    let endpoint = parse_endpoint(&raw.endpoint, raw.signing)?;
    let region_ok = !raw.region.is_empty()
        && raw
            .region
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
    if !region_ok {
        return Err(ConfigError(format!(
            "\"region\" must look like us-east-2, not {:?}",
            raw.region
        )));
    }
    if !(1_000..=300_000).contains(&raw.timeout_ms) {
        return Err(ConfigError(format!(
            "\"timeout_ms\" must be between 1000 and 300000, not {}",
            raw.timeout_ms
        )));
    }
    Ok(BackendConfig {
        endpoint: endpoint.url,
        host: endpoint.host,
        path: endpoint.path,
        region: raw.region,
        signing: raw.signing,
        timeout_ms: raw.timeout_ms,
        groups: raw.groups.filter(|groups| !groups.is_empty()),
    })
}

/// The endpoint, in the form the browser will send it.
struct Endpoint {
    /// The URL requests go to, ending with `/`.
    url: String,
    /// `Host` as sent: lower case, without the scheme's default port.
    host: String,
    /// The path as sent, ending with `/`.
    path: String,
}

/// Hosts where a plain `http://` endpoint is the developer's own machine.
const LOOPBACK_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Reads `"endpoint"` as a URL (scheme, host, path) the browser will send
/// unchanged, so that what the page signs is what arrives: no user name,
/// query or fragment, an ASCII host, a path of plain characters without
/// `.` or `..` segments. Signing in the page requires `https://` except on
/// this machine.
fn parse_endpoint(text: &str, signing: Signing) -> Result<Endpoint, ConfigError> {
    let problem = |what: &str| ConfigError(format!("\"endpoint\" {what}: {text:?}"));
    let (scheme, rest) = text
        .split_once("://")
        .filter(|(scheme, _)| matches!(*scheme, "https" | "http"))
        .ok_or_else(|| problem("must be an http:// or https:// URL"))?;
    if rest.contains(['?', '#']) {
        return Err(problem("must not have a query (?) or a fragment (#)"));
    }
    let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
    if authority.is_empty() {
        return Err(problem("has no host"));
    }
    if authority.contains('@') {
        return Err(problem(
            "must not carry a user name or password (user@host)",
        ));
    }
    if !authority.is_ascii() {
        return Err(problem(
            "must name its host in ASCII (punycode, xn--…), as the browser sends it",
        ));
    }
    let authority = authority.to_ascii_lowercase();
    // An IPv6 address is in brackets; a port follows the last colon.
    let split = match authority.find(']') {
        Some(end) => (&authority[..=end], authority[end + 1..].strip_prefix(':')),
        None => authority
            .rsplit_once(':')
            .map_or((authority.as_str(), None), |(name, port)| {
                (name, Some(port))
            }),
    };
    let port = match split.1 {
        None => None,
        Some(port) => Some(
            port.parse::<u16>()
                .ok()
                .filter(|number| *number > 0)
                .ok_or_else(|| problem("has a port that is not a number from 1 to 65535"))?,
        ),
    };
    let name = split.0.to_owned();
    if name.is_empty() {
        return Err(problem("has no host"));
    }
    let default_port = if scheme == "https" { 443 } else { 80 };
    let host = match port {
        Some(port) if port != default_port => format!("{name}:{port}"),
        _ => name.clone(),
    };
    let plain = |segment: &str| {
        segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.' | '~'))
    };
    let segments: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    if path.starts_with('/')
        || path.contains("//")
        || !segments.iter().all(|segment| plain(segment))
    {
        return Err(problem(
            "must have a plain path (letters, digits and - _ . ~ between single slashes, no . or .. parts), which the browser sends as written",
        ));
    }
    if signing == Signing::Sigv4 && scheme == "http" && !LOOPBACK_HOSTS.contains(&name.as_str()) {
        return Err(problem(
            "must be https:// when the page signs requests (\"signing\": \"sigv4\"): the signatures and session token would cross the network in the clear (http:// is accepted for localhost and 127.0.0.1 only)",
        ));
    }
    let path = if segments.is_empty() {
        "/".to_owned()
    } else {
        format!("/{}/", segments.join("/"))
    };
    let authority = match port {
        Some(port) => format!("{name}:{port}"),
        None => name,
    };
    Ok(Endpoint {
        url: format!("{scheme}://{authority}{path}"),
        host,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_configuration() {
        let config = parse_config(
            r#"{"endpoint": "https://api.sagemaker.us-east-2.amazonaws.com", "region": "us-east-2",
                "signing": "sigv4", "timeout_ms": 20000, "groups": ["fraud-detector"]}"#,
        )
        .unwrap();
        assert_eq!(
            config.endpoint,
            "https://api.sagemaker.us-east-2.amazonaws.com/"
        );
        assert_eq!(config.host, "api.sagemaker.us-east-2.amazonaws.com");
        assert_eq!(config.signing, Signing::Sigv4);
        assert_eq!(config.timeout_ms, 20_000);
        assert_eq!(config.groups, Some(vec!["fraud-detector".to_owned()]));
    }

    #[test]
    fn defaults_and_ports() {
        let config =
            parse_config(r#"{"endpoint": "http://127.0.0.1:5005/", "region": "us-east-2"}"#)
                .unwrap();
        assert_eq!(
            (config.host.as_str(), config.signing, config.timeout_ms),
            ("127.0.0.1:5005", Signing::None, DEFAULT_TIMEOUT_MS)
        );
        let config = parse_config(
            r#"{"endpoint": "https://proxy.example.com:443/sagemaker/", "region": "eu-west-1"}"#,
        )
        .unwrap();
        assert_eq!(config.host, "proxy.example.com");
        assert_eq!(config.endpoint, "https://proxy.example.com:443/sagemaker/");
        assert_eq!(config.path, "/sagemaker/");
    }

    #[test]
    fn the_signed_host_and_path_are_what_the_browser_sends() {
        let endpoint = |text: &str, signing| {
            parse_endpoint(text, signing)
                .map(|endpoint| (endpoint.url, endpoint.host, endpoint.path))
        };
        let cases = [
            (
                "https://API.SageMaker.us-east-2.amazonaws.com",
                (
                    "https://api.sagemaker.us-east-2.amazonaws.com/",
                    "api.sagemaker.us-east-2.amazonaws.com",
                    "/",
                ),
            ),
            (
                "https://proxy.example.com:8443/v1/sagemaker",
                (
                    "https://proxy.example.com:8443/v1/sagemaker/",
                    "proxy.example.com:8443",
                    "/v1/sagemaker/",
                ),
            ),
            (
                "http://localhost:5005",
                ("http://localhost:5005/", "localhost:5005", "/"),
            ),
            (
                "http://[::1]:5005/",
                ("http://[::1]:5005/", "[::1]:5005", "/"),
            ),
            (
                "http://proxy.internal:80/",
                ("http://proxy.internal:80/", "proxy.internal", "/"),
            ),
        ];
        for (text, (url, host, path)) in cases {
            assert_eq!(
                endpoint(text, Signing::Sigv4).or_else(|_| endpoint(text, Signing::None)),
                Ok((url.to_owned(), host.to_owned(), path.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn an_endpoint_the_browser_would_change_or_expose_is_refused() {
        let problem = |text: &str, signing| match parse_endpoint(text, signing) {
            Ok(_) => panic!("{text} was accepted"),
            Err(error) => error.0,
        };
        for (text, words) in [
            ("https://x.example.com/?a=1", "query"),
            ("https://x.example.com/#top", "fragment"),
            ("https://user:pw@x.example.com/", "user name"),
            ("https://bücher.example/", "ASCII"),
            ("https://x.example.com:99999/", "port"),
            ("https://x.example.com:/", "port"),
            ("https://x.example.com/a/../b/", "plain path"),
            ("https://x.example.com/a b/", "plain path"),
            ("https://x.example.com//a/", "plain path"),
            ("https://x.example.com/%41/", "plain path"),
            ("https://:443/", "has no host"),
        ] {
            assert!(
                problem(text, Signing::None).contains(words),
                "{text}: {}",
                problem(text, Signing::None)
            );
        }
        let clear = problem("http://proxy.example.com/", Signing::Sigv4);
        assert!(
            clear.contains("must be https:// when the page signs requests"),
            "{clear}"
        );
        assert!(
            parse_endpoint("http://proxy.example.com/", Signing::None).is_ok(),
            "a proxy that signs may be plain http"
        );
        assert!(parse_endpoint("http://127.0.0.1:5005/", Signing::Sigv4).is_ok());
    }

    #[test]
    fn every_problem_is_named() {
        let problem = |text: &str| parse_config(text).unwrap_err().to_string();
        assert_eq!(
            problem("{"),
            "config.json is not usable: EOF while parsing an object (line 1, column 1)"
        );
        assert!(problem(r#"{"region": "us-east-2"}"#).contains("missing field `endpoint`"));
        assert!(
            problem(r#"{"endpoint": "ftp://x", "region": "us-east-2"}"#)
                .contains("http:// or https://")
        );
        assert!(
            problem(r#"{"endpoint": "https://", "region": "us-east-2"}"#).contains("has no host")
        );
        assert!(
            problem(r#"{"endpoint": "https://x", "region": "US East"}"#)
                .contains("\"region\" must look like us-east-2")
        );
        assert!(
            problem(r#"{"endpoint": "https://x", "region": "us-east-2", "signing": "magic"}"#)
                .contains("unknown variant `magic`")
        );
        assert!(
            problem(r#"{"endpoint": "https://x", "region": "us-east-2", "timeout": 5}"#)
                .contains("unknown field `timeout`")
        );
        assert!(
            problem(r#"{"endpoint": "https://x", "region": "us-east-2", "timeout_ms": 10}"#)
                .contains("between 1000 and 300000")
        );
    }
}
