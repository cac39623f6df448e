//! The `model-card` command, run as a pipeline runs it: exit codes, both
//! output formats, standard input, and input it must refuse gracefully.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_model-card"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The command may exit without reading (a refused --schema): a
        // broken pipe here is not the test's concern.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cards")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("model-card-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn valid_cards_exit_zero_and_print_no_problems() {
    let output = run(
        &[
            "validate",
            &fixture("complete.json"),
            &fixture("empty.json"),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
    assert!(String::from_utf8_lossy(&output.stderr).contains("2 files checked: 2 valid"));
}

#[test]
fn an_invalid_card_exits_one_with_a_line_per_error() {
    let output = run(
        &[
            "validate",
            &fixture("invalid-enum.json"),
            &fixture("complete.json"),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let file = fixture("invalid-enum.json");
    assert_eq!(
        stdout(&output),
        format!(
            "{file}:/intended_uses/risk_rating: error: Risk rating: Must be one of High, Medium, Low, Unknown, found `Severe`\n"
        )
    );
}

#[test]
fn json_output_is_one_array_with_an_element_per_file() {
    let output = run(
        &[
            "validate",
            "--format",
            "json",
            &fixture("invalid-missing-name.json"),
            &fixture("empty.json"),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let reports: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["valid"], false);
    assert_eq!(
        reports[0]["errors"],
        serde_json::json!([{
            "pointer": "/evaluation_details/0",
            "keyword": "required",
            "message": "Name: Required, but `name` is missing"
        }])
    );
    assert_eq!(
        reports[1],
        serde_json::json!({"file": fixture("empty.json"), "valid": true, "errors": [], "warnings": []})
    );
}

#[test]
fn unreadable_files_exit_two_and_the_others_are_still_checked() {
    let broken = temp_file(
        "broken.json",
        b"{\n  \"intended_uses\": {\n    \"risk_rating\": \"Low\",\n  }\n}\n",
    );
    let latin1 = temp_file("latin1.json", b"{\"x\": \"caf\xe9\"}");
    let deep = temp_file(
        "deep.json",
        format!("{}{}", "[".repeat(300), "]".repeat(300)).as_bytes(),
    );
    let twice = temp_file(
        "twice.json",
        b"{\"intended_uses\": {\"risk_rating\": \"Low\",\n  \"risk_rating\": \"High\"}}\n",
    );
    let output = run(
        &[
            "validate",
            broken.to_str().unwrap(),
            latin1.to_str().unwrap(),
            deep.to_str().unwrap(),
            twice.to_str().unwrap(),
            "/no/such/card.json",
            &fixture("invalid-enum.json"),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{}:4:3: error: not JSON: line 4, column 3: trailing comma",
            broken.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}:1:11: error: not UTF-8 text", latin1.display())),
        "{text}"
    );
    assert!(
        text.contains("nested deeper than the JSON parser allows (128 levels)"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}:2:3: error: line 2, column 3: the object at /intended_uses names \"risk_rating\" \
             twice (first at line 1, column 20)",
            twice.display()
        )),
        "{text}"
    );
    assert!(
        text.contains("/no/such/card.json: error: cannot read the file"),
        "{text}"
    );
    assert!(
        text.contains("/intended_uses/risk_rating: error:"),
        "the valid-JSON file is still checked: {text}"
    );
}

#[test]
fn a_file_over_ten_megabytes_is_refused_without_reading_it() {
    let path = temp_file("huge.json", b"");
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(11 * 1024 * 1024).unwrap();
    let output = run(&["validate", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("cards over 10485760 bytes (10 MB) are not read"));
}

#[test]
fn standard_input_is_a_file_named_dash() {
    let output = run(
        &["validate", "--format", "json", "-"],
        Some(br#"{"model_overview": {"model_creator": 1}}"#),
    );
    assert_eq!(output.status.code(), Some(1));
    let reports: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(reports[0]["file"], "-");
    assert_eq!(
        reports[0]["errors"][0]["pointer"],
        "/model_overview/model_creator"
    );
}

#[test]
fn warnings_are_printed_but_do_not_fail_the_file() {
    let card = format!(
        r#"{{"evaluation_details": [{{"name": "{}"}}]}}"#,
        "n".repeat(100)
    );
    let output = run(
        &["validate", "--format", "json", "-"],
        Some(card.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0));
    let reports: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(reports[0]["valid"], true);
    assert_eq!(reports[0]["warnings"][0]["keyword"], "MC001");
    assert_eq!(
        reports[0]["warnings"][0]["pointer"],
        "/evaluation_details/0/name"
    );
}

#[test]
fn another_schema_can_be_given() {
    let schema = temp_file(
        "schema.json",
        br#"{"type": "object", "properties": {"n": {"type": "integer"}}}"#,
    );
    let ok = run(
        &["validate", "--schema", schema.to_str().unwrap(), "-"],
        Some(br#"{"n": 1.0}"#),
    );
    assert_eq!(
        ok.status.code(),
        Some(0),
        "1.0 is an integer by the specification"
    );
    let bad = run(
        &["validate", "--schema", schema.to_str().unwrap(), "-"],
        Some(br#"{"n": 1.5}"#),
    );
    assert_eq!(bad.status.code(), Some(1));
    let broken = temp_file("broken-schema.json", br#"{"type": 12}"#);
    let refused = run(
        &["validate", "--schema", broken.to_str().unwrap(), "-"],
        Some(b"{}"),
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a usable JSON Schema"));
}

#[test]
fn wrong_usage_exits_64_with_the_usage() {
    let output = run(&["validate", "--format", "xml", "a.json"], None);
    assert_eq!(output.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage: model-card validate"));
    assert_eq!(run(&["--help"], None).status.code(), Some(0));
}
