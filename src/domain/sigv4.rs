//! AWS Signature Version 4 for the SageMaker JSON API, so the page can call
//! the service itself with temporary credentials. A native test checks the
//! signatures against botocore's, byte for byte, on fixtures botocore made
//! (`tests/sigv4/`).
//!
//! Only what these requests need: `POST /` with a JSON body and a fixed set
//! of headers, all of them signed.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// The service name requests to SageMaker are signed for.
pub const SERVICE: &str = "sagemaker";

/// Temporary (or long-term) credentials; kept in memory or session storage
/// only, never logged.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The access key id (`ASIA...` for temporary credentials).
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// The session token of temporary credentials.
    pub session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret or the token, in logs or panics.
        write!(f, "Credentials({}, ****)", self.access_key_id)
    }
}

/// A request to sign.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningRequest<'a> {
    /// The endpoint's host, with a port when it is not the scheme's default.
    pub host: &'a str,
    /// The request's path, as the browser sends it (`/`, or a proxy's
    /// `/sagemaker/`): plain characters only (`domain::config` sees to
    /// it), which SigV4's canonical URI keeps as they are.
    pub path: &'a str,
    /// The region.
    pub region: &'a str,
    /// `SageMaker.<Operation>`.
    pub target: &'a str,
    /// The JSON body.
    pub body: &'a str,
    /// The signing time, as `YYYYMMDDTHHMMSSZ`.
    pub amz_date: &'a str,
}

/// The headers to send: everything that was signed, and `Authorization`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedHeaders {
    /// `X-Amz-Date`.
    pub amz_date: String,
    /// `X-Amz-Security-Token`, for temporary credentials.
    pub security_token: Option<String>,
    /// `Authorization`.
    pub authorization: String,
}

/// The content type of the SageMaker JSON protocol.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Signs `request` with `credentials`.
pub fn sign(request: &SigningRequest<'_>, credentials: &Credentials) -> SignedHeaders {
    let date = &request.amz_date[..8];
    let mut headers: Vec<(&str, &str)> = vec![
        ("content-type", CONTENT_TYPE),
        ("host", request.host),
        ("x-amz-date", request.amz_date),
        ("x-amz-target", request.target),
    ];
    if let Some(token) = &credentials.session_token {
        headers.push(("x-amz-security-token", token));
    }
    headers.sort_by(|a, b| a.0.cmp(b.0));
    let canonical_headers: String = headers
        .iter()
        .map(|(name, value)| format!("{name}:{}\n", value.trim()))
        .collect();
    let signed_headers = headers
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(";");
    let body_hash = hex(&Sha256::digest(request.body.as_bytes()));
    let canonical_request = format!(
        "POST\n{}\n\n{canonical_headers}\n{signed_headers}\n{body_hash}",
        request.path
    );
    let scope = format!("{date}/{}/{SERVICE}/aws4_request", request.region);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{scope}\n{}",
        request.amz_date,
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let key = [date, request.region, SERVICE, "aws4_request"].iter().fold(
        format!("AWS4{}", credentials.secret_access_key).into_bytes(),
        |key, part| hmac(&key, part),
    );
    let signature = hex(&hmac(&key, &string_to_sign));
    SignedHeaders {
        amz_date: request.amz_date.to_owned(),
        security_token: credentials.session_token.clone(),
        authorization: format!(
            "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
            credentials.access_key_id
        ),
    }
}

/// `YYYYMMDDTHHMMSSZ` for a time in milliseconds since the epoch (UTC).
pub fn amz_date(epoch_ms: f64) -> String {
    let seconds = (epoch_ms / 1000.0).floor() as i64;
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The calendar date of a day number since 1970-01-01 (Howard Hinnant's
/// algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_in_the_amz_format() {
        assert_eq!(amz_date(1_700_000_000_000.0), "20231114T221320Z");
        assert_eq!(amz_date(0.0), "19700101T000000Z");
        assert_eq!(amz_date(951_782_400_000.0), "20000229T000000Z");
        assert_eq!(amz_date(1_795_630_000_999.0), "20261125T180640Z");
    }

    #[test]
    fn credentials_never_print_their_secrets() {
        let credentials = Credentials {
            access_key_id: "ASIAEXAMPLE".into(),
            secret_access_key: "secret".into(),
            session_token: Some("token".into()),
        };
        let shown = format!("{credentials:?}");
        assert!(
            !shown.contains("secret") && !shown.contains("token"),
            "{shown}"
        );
    }
}
