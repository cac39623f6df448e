//! When to try a call again, and when a listing must stop. A busy service
//! (`ThrottlingException`, `RequestLimitExceeded`,
//! `TooManyRequestsException`, any 429) and failures that may pass are
//! retried with capped exponential backoff and full jitter, or after the
//! wait the answer's `Retry-After` asked for; a listing follows
//! `NextToken` until there is none, but never round a token it has seen,
//! nor past a page cap, so a faulty endpoint cannot keep the registry
//! screen loading for ever.

use std::collections::HashSet;

use super::{ErrorKind, ServiceError};

/// The longest `Retry-After` waited for: a longer one ends the call with
/// its error (the reviewer can try again), rather than a silent minute.
pub const RETRY_AFTER_LIMIT_MS: u64 = 20_000;

/// How a failed call is retried: up to `attempts` tries in all, waiting
/// longer each time ("full jitter" backoff).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// The first wait's ceiling, in milliseconds.
    pub base_ms: f64,
    /// No wait is longer than this.
    pub max_ms: f64,
}

impl RetryPolicy {
    /// Three tries, waits up to 0.3 s then 0.6 s (capped at 5 s).
    pub const STANDARD: RetryPolicy = RetryPolicy {
        attempts: 3,
        base_ms: 300.0,
        max_ms: 5_000.0,
    };

    /// How long to wait before try `attempt + 1` after try `attempt`
    /// (1-based) failed with `error`; `None` means give up. The answer's
    /// `Retry-After` is waited for when it gave one (up to
    /// [`RETRY_AFTER_LIMIT_MS`]); otherwise a random part of a ceiling
    /// that doubles each try. `random` is in `0..1`, supplied by the
    /// caller so this stays pure.
    pub fn delay_ms(&self, attempt: u32, error: &ServiceError, random: f64) -> Option<f64> {
        if attempt >= self.attempts || !error.is_retryable() {
            return None;
        }
        if let Some(after) = error.retry_after_ms {
            return (after <= RETRY_AFTER_LIMIT_MS).then_some(after as f64);
        }
        let ceiling = (self.base_ms * 2f64.powi(attempt as i32 - 1)).min(self.max_ms);
        Some(ceiling * random.clamp(0.0, 1.0))
    }
}

/// A `Retry-After` header's wait in milliseconds: delay-seconds ("3"), or
/// an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT") measured from `now_ms`
/// (epoch milliseconds). `None` for anything else.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
        return value.parse::<u64>().ok()?.checked_mul(1000);
    }
    let at_ms = http_date_ms(value)?;
    Some((at_ms - now_ms).max(0.0) as u64)
}

/// An IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") in epoch
/// milliseconds.
fn http_date_ms(value: &str) -> Option<f64> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|name| name == month)? as i64 + 1;
    let (day, year): (i64, i64) = (day.parse().ok()?, year.parse().ok()?);
    let clock: Vec<i64> = time
        .split(':')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [hours, minutes, seconds] = clock.as_slice() else {
        return None;
    };
    let days = days_from_civil(year, month, day);
    Some(((days * 86_400 + hours * 3_600 + minutes * 60 + seconds) * 1000) as f64)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar
/// (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The pages of one listing: which `NextToken`s it has followed.
#[derive(Clone, Debug, Default)]
pub struct PageTokens {
    seen: HashSet<String>,
    pages: u32,
}

impl PageTokens {
    /// At most this many pages (of up to 100 items) are read.
    pub const MAX_PAGES: u32 = 500;

    /// After a page whose answer gave `token`: the token of the next page
    /// to ask for, `None` when the listing is complete, or why it stops
    /// (a token given twice, or past [`Self::MAX_PAGES`]).
    pub fn next(&mut self, token: Option<String>) -> Result<Option<String>, ServiceError> {
        self.pages += 1;
        let Some(token) = token.filter(|token| !token.is_empty()) else {
            return Ok(None);
        };
        if !self.seen.insert(token.clone()) {
            return Err(ServiceError::local(
                ErrorKind::BadResponse,
                format!(
                    "the service gave a page token it had given before, after {} pages, so the list would go round for ever; it was stopped there",
                    self.pages
                ),
            ));
        }
        if self.pages >= Self::MAX_PAGES {
            return Err(ServiceError::local(
                ErrorKind::BadResponse,
                format!(
                    "the list goes on past {} pages; it was stopped there",
                    Self::MAX_PAGES
                ),
            ));
        }
        Ok(Some(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_and_faults_are_retried_with_growing_waits_others_are_not() {
        let policy = RetryPolicy::STANDARD;
        let throttled = ServiceError::local(ErrorKind::Throttling, "");
        assert_eq!(policy.delay_ms(1, &throttled, 1.0), Some(300.0));
        assert_eq!(policy.delay_ms(2, &throttled, 0.5), Some(300.0));
        assert_eq!(
            policy.delay_ms(3, &throttled, 1.0),
            None,
            "three tries in all"
        );
        assert_eq!(
            policy.delay_ms(1, &ServiceError::local(ErrorKind::Validation, ""), 1.0),
            None
        );
        assert_eq!(
            policy.delay_ms(1, &ServiceError::local(ErrorKind::Conflict, ""), 1.0),
            None
        );
        let capped = RetryPolicy {
            attempts: 10,
            base_ms: 1000.0,
            max_ms: 2000.0,
        };
        assert_eq!(capped.delay_ms(5, &throttled, 1.0), Some(2000.0));
        assert_eq!(capped.delay_ms(5, &throttled, 0.0), Some(0.0));
    }

    #[test]
    fn every_name_for_slow_down_is_throttling_and_retried() {
        for (status, body) in [
            (400, r#"{"__type":"ThrottlingException"}"#),
            (400, r#"{"__type":"com.amazonaws#RequestLimitExceeded"}"#),
            (429, r#"{"__type":"TooManyRequestsException"}"#),
            (429, r#"{"__type":"SlowDown"}"#),
            (429, ""),
        ] {
            let error = super::super::decode_error(status, body);
            assert_eq!(error.kind, ErrorKind::Throttling, "{status} {body}");
            assert!(RetryPolicy::STANDARD.delay_ms(1, &error, 0.5).is_some());
        }
    }

    #[test]
    fn retry_after_is_waited_for_up_to_a_limit() {
        let mut asked = ServiceError::local(ErrorKind::Throttling, "");
        asked.retry_after_ms = Some(3_000);
        let policy = RetryPolicy::STANDARD;
        assert_eq!(policy.delay_ms(1, &asked, 0.0), Some(3_000.0));
        assert_eq!(
            policy.delay_ms(3, &asked, 0.0),
            None,
            "still three tries in all"
        );
        asked.retry_after_ms = Some(RETRY_AFTER_LIMIT_MS + 1);
        assert_eq!(policy.delay_ms(1, &asked, 0.0), None, "too long a wait");
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        // 2026-12-03 20:00:00 UTC.
        let now = 1_796_328_000_000.0;
        assert_eq!(parse_retry_after("3", now), Some(3_000));
        assert_eq!(parse_retry_after(" 0 ", now), Some(0));
        assert_eq!(
            parse_retry_after("Thu, 03 Dec 2026 20:00:07 GMT", now),
            Some(7_000)
        );
        assert_eq!(
            parse_retry_after("Thu, 03 Dec 2026 19:59:00 GMT", now),
            Some(0),
            "a date passed means now"
        );
        assert_eq!(
            http_date_ms("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000.0)
        );
        for bad in [
            "",
            "-1",
            "1.5",
            "soon",
            "Thu, 03 Dec 2026 20:00:07 PST",
            "Thu, 03 Foo 2026 20:00:07 GMT",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn a_listing_follows_tokens_until_none_but_never_round_nor_for_ever() {
        let mut pages = PageTokens::default();
        assert_eq!(pages.next(Some("a".into())).unwrap(), Some("a".into()));
        assert_eq!(pages.next(Some("b".into())).unwrap(), Some("b".into()));
        assert_eq!(pages.next(Some(String::new())).unwrap(), None);
        let mut round = PageTokens::default();
        round.next(Some("a".into())).unwrap();
        round.next(Some("b".into())).unwrap();
        let error = round.next(Some("a".into())).unwrap_err();
        assert_eq!(error.kind, ErrorKind::BadResponse);
        assert!(error.message.contains("after 3 pages"), "{}", error.message);
        let mut endless = PageTokens::default();
        let stopped = (0..PageTokens::MAX_PAGES)
            .map(|page| endless.next(Some(format!("t{page}"))))
            .position(|next| next.is_err());
        assert_eq!(stopped, Some(PageTokens::MAX_PAGES as usize - 1));
        assert_eq!(PageTokens::default().next(None).unwrap(), None);
    }
}
