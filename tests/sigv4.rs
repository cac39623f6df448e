//! Our SigV4 signatures against botocore's, byte for byte, on the requests
//! in tests/sigv4/fixtures.json (made by tests/sigv4/generate.py).

use model_card_editor::domain::sigv4::{Credentials, SigningRequest, amz_date, sign};
use serde_json::Value;

#[test]
fn signatures_equal_botocores() {
    let text = include_str!("sigv4/fixtures.json");
    let fixtures: Value = serde_json::from_str(text).unwrap();
    let cases = fixtures["cases"].as_array().unwrap();
    assert!(cases.len() >= 5);
    for case in cases {
        let credentials = Credentials {
            access_key_id: fixtures["access_key_id"].as_str().unwrap().to_owned(),
            secret_access_key: fixtures["secret_access_key"].as_str().unwrap().to_owned(),
            session_token: case["session_token"].as_str().map(str::to_owned),
        };
        let date = amz_date(case["epoch_ms"].as_f64().unwrap());
        assert_eq!(date, case["amz_date"].as_str().unwrap());
        let request = SigningRequest {
            host: case["host"].as_str().unwrap(),
            path: case["path"].as_str().unwrap(),
            region: case["region"].as_str().unwrap(),
            target: case["target"].as_str().unwrap(),
            body: case["body"].as_str().unwrap(),
            amz_date: &date,
        };
        let signed = sign(&request, &credentials);
        assert_eq!(
            signed.authorization,
            case["authorization"].as_str().unwrap(),
            "{}",
            request.target
        );
        assert_eq!(
            signed.security_token.as_deref(),
            case["session_token"].as_str()
        );
    }
}
