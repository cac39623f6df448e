//! The one place that talks to the backend: builds a call from
//! [`crate::domain::sagemaker`], signs it when configured, enforces the
//! time limit, retries what may succeed on a second try, and turns every
//! failure into a [`ServiceError`]. Components never build requests.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen_futures::JsFuture;

use crate::domain::config::{BackendConfig, Signing};
use crate::domain::sagemaker::{
    DescribeModelPackageInput, DescribeTrainingJobInput, ErrorKind, ListModelPackageGroupsInput,
    ListModelPackageGroupsOutput, ListModelPackagesInput, ListModelPackagesOutput, ModelPackage,
    ModelPackageGroupSummary, ModelPackageSummary, NO_SECURE_RANDOM, Operation, PageTokens,
    RetryPolicy, ServiceError, UpdateModelPackageInput, UpdateModelPackageOutput, client_token,
    decode_error, parse_retry_after,
};
use crate::domain::sigv4::{CONTENT_TYPE, Credentials, SigningRequest, amz_date, sign};

/// Everything a call needs: where, how long, and with what credentials.
#[derive(Clone, Debug)]
pub struct Connection {
    /// The configured backend.
    pub config: BackendConfig,
    /// Credentials, when the configuration has the page sign.
    pub credentials: Option<Credentials>,
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.round() as i32);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Sixteen random bytes from the browser's cryptographic generator, or
/// `None` when it gives none (no `crypto`, or it failed and left zeros).
pub fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window().and_then(|window| window.crypto().ok())?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    (bytes != [0; 16]).then_some(bytes)
}

/// A fresh idempotency token for one submit, or, when the browser gives
/// no secure random numbers, what to say instead: a token of zeros
/// would let one submit be taken for another's retry.
pub fn new_client_token() -> Result<String, String> {
    random_bytes()
        .map(client_token)
        .ok_or_else(|| NO_SECURE_RANDOM.to_owned())
}

impl Connection {
    /// Calls `operation` with `input`, retrying throttling, 5xx, time-outs
    /// and dropped connections with backoff.
    pub async fn call<I: Serialize, O: DeserializeOwned>(
        &self,
        operation: Operation,
        input: &I,
    ) -> Result<O, ServiceError> {
        let body = serde_json::to_string(input)
            .map_err(|error| ServiceError::local(ErrorKind::BadResponse, error.to_string()))?;
        let policy = RetryPolicy::STANDARD;
        let mut attempt = 1;
        loop {
            match self.attempt(operation, &body).await {
                Ok(text) => {
                    return serde_json::from_str(&text).map_err(|error| {
                        ServiceError::local(
                            ErrorKind::BadResponse,
                            format!("{} answer: {error}", operation.name()),
                        )
                    });
                }
                Err(error) => match policy.delay_ms(attempt, &error, js_sys::Math::random()) {
                    Some(delay) => {
                        sleep(delay).await;
                        attempt += 1;
                    }
                    None => return Err(error),
                },
            }
        }
    }

    /// One try: the answer's text, or why there is none.
    async fn attempt(&self, operation: Operation, body: &str) -> Result<String, ServiceError> {
        let target = operation.target();
        let mut request = gloo_net::http::Request::post(&self.config.endpoint)
            .header("Content-Type", CONTENT_TYPE)
            .header("X-Amz-Target", &target);
        if self.config.signing == Signing::Sigv4 {
            let Some(credentials) = &self.credentials else {
                return Err(ServiceError::local(
                    ErrorKind::BadSignature,
                    "no credentials entered for this session",
                ));
            };
            let date = amz_date(js_sys::Date::now());
            let signed = sign(
                &SigningRequest {
                    host: &self.config.host,
                    path: &self.config.path,
                    region: &self.config.region,
                    target: &target,
                    body,
                    amz_date: &date,
                },
                credentials,
            );
            request = request
                .header("X-Amz-Date", &signed.amz_date)
                .header("Authorization", &signed.authorization);
            if let Some(token) = &signed.security_token {
                request = request.header("X-Amz-Security-Token", token);
            }
        }
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(web_sys::AbortController::signal);
        let request = request
            .abort_signal(signal.as_ref())
            .body(body.to_owned())
            .map_err(|error| ServiceError::local(ErrorKind::BadResponse, error.to_string()))?;
        let timer = controller.clone().map(|controller| {
            leptos::prelude::set_timeout_with_handle(
                move || controller.abort(),
                std::time::Duration::from_millis(u64::from(self.config.timeout_ms)),
            )
        });
        // One deadline for the whole answer, its body included: a server
        // that sends its headers and then stalls times out too.
        let answer = async {
            let response = request.send().await?;
            let text = response.text().await?;
            Ok::<_, gloo_net::Error>((response, text))
        }
        .await;
        if let Some(Ok(handle)) = timer {
            handle.clear();
        }
        let timed_out = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
        let (response, text) = answer.map_err(|error| {
            if timed_out {
                ServiceError::local(
                    ErrorKind::Timeout,
                    format!("no answer within {} seconds", self.config.timeout_ms / 1000),
                )
            } else {
                ServiceError::local(ErrorKind::Network, describe_network_error(&error))
            }
        })?;
        if response.ok() {
            return Ok(text);
        }
        let mut error = decode_error(response.status(), &text);
        error.retry_after_ms = response
            .headers()
            .get("retry-after")
            .and_then(|value| parse_retry_after(&value, js_sys::Date::now()));
        Err(error)
    }

    /// Every model package group (all pages) whose name contains
    /// `name_contains` when given (a name the service accepts: see
    /// [`crate::domain::sagemaker::name_contains_filter`]), the configured
    /// ones only when the configuration names some.
    pub async fn groups(
        &self,
        name_contains: Option<&str>,
    ) -> Result<Vec<ModelPackageGroupSummary>, ServiceError> {
        let mut all = Vec::new();
        let mut next_token = None;
        let mut pages = PageTokens::default();
        loop {
            let input = ListModelPackageGroupsInput {
                name_contains: name_contains.map(str::to_owned),
                max_results: Some(100),
                next_token: next_token.take(),
                sort_by: Some("Name".to_owned()),
                sort_order: Some("Ascending".to_owned()),
            };
            let page: ListModelPackageGroupsOutput =
                self.call(Operation::ListModelPackageGroups, &input).await?;
            all.extend(page.model_package_group_summary_list);
            next_token = pages.next(page.next_token)?;
            if next_token.is_none() {
                break;
            }
        }
        if let Some(only) = &self.config.groups {
            all.retain(|group| only.contains(&group.model_package_group_name));
        }
        Ok(all)
    }

    /// Every version of `group` (all pages).
    pub async fn versions(&self, group: &str) -> Result<Vec<ModelPackageSummary>, ServiceError> {
        let mut all = Vec::new();
        let mut next_token = None;
        let mut pages = PageTokens::default();
        loop {
            let input = ListModelPackagesInput {
                model_package_group_name: Some(group.to_owned()),
                max_results: Some(100),
                next_token: next_token.take(),
                sort_by: Some("CreationTime".to_owned()),
                sort_order: Some("Descending".to_owned()),
                ..Default::default()
            };
            let page: ListModelPackagesOutput =
                self.call(Operation::ListModelPackages, &input).await?;
            all.extend(page.model_package_summary_list);
            next_token = pages.next(page.next_token)?;
            if next_token.is_none() {
                break;
            }
        }
        Ok(all)
    }

    /// One version, in full.
    pub async fn describe(&self, arn: &str) -> Result<ModelPackage, ServiceError> {
        let input = DescribeModelPackageInput {
            model_package_name: arn.to_owned(),
        };
        self.call(Operation::DescribeModelPackage, &input).await
    }

    /// A training job, as `DescribeTrainingJob` answers (read as JSON:
    /// `domain::training_fill` takes what it needs).
    pub async fn describe_training_job(
        &self,
        name: &str,
    ) -> Result<serde_json::Value, ServiceError> {
        let input = DescribeTrainingJobInput {
            training_job_name: name.to_owned(),
        };
        self.call(Operation::DescribeTrainingJob, &input).await
    }

    /// Updates a version; `input.client_token` makes retries apply once.
    pub async fn update(
        &self,
        input: &UpdateModelPackageInput,
    ) -> Result<UpdateModelPackageOutput, ServiceError> {
        self.call(Operation::UpdateModelPackage, input).await
    }
}

fn describe_network_error(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}

/// The text of `config.json` beside the page: `Ok(None)` when there is none
/// (no backend), `Err` when it cannot be fetched.
pub async fn fetch_config() -> Result<Option<String>, String> {
    let answer = super::platform::get_text("config.json")
        .await
        .map_err(|error| format!("config.json could not be fetched: {error}"))?;
    if answer.status == 404 && !answer.redirected {
        return Ok(None);
    }
    answer
        .body()
        .map(Some)
        .map_err(|error| format!("config.json could not be fetched: {error}"))
}
