//! The card every first-view floor probe shows: the one named by `?card=`.
//! Written with `web_sys` alone, so the framework-free probe can share it.

/// The bytes of the card named by `?card=`.
pub async fn fetch_card() -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let query = window.location().search().unwrap_or_default();
    let path = query.trim_start_matches("?card=");
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    response.binary().await.map_err(|error| error.to_string())
}
