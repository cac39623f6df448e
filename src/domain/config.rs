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
    /// The endpoint's host (with a port when not the default), for signing.
    pub host: String,
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
    let (scheme, rest) = raw.endpoint.split_once("://").ok_or_else(|| {
        ConfigError(format!(
            "\"endpoint\" must be an http:// or https:// URL, not {:?}",
            raw.endpoint
        ))
    })?;
    if scheme != "https" && scheme != "http" {
        return Err(ConfigError(format!(
            "\"endpoint\" must be an http:// or https:// URL, not {:?}",
            raw.endpoint
        )));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains('@') {
        return Err(ConfigError(format!(
            "\"endpoint\" has no host: {:?}",
            raw.endpoint
        )));
    }
    let host = match (scheme, host.rsplit_once(':')) {
        ("https", Some((name, "443"))) | ("http", Some((name, "80"))) => name.to_owned(),
        _ => host.to_owned(),
    };
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
    let mut endpoint = raw.endpoint.clone();
    if !endpoint.ends_with('/') {
        endpoint.push('/');
    }
    Ok(BackendConfig {
        endpoint,
        host,
        region: raw.region,
        signing: raw.signing,
        timeout_ms: raw.timeout_ms,
        groups: raw.groups.filter(|groups| !groups.is_empty()),
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
