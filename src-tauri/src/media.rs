//! Module files for the page, read straight out of the installed zips: a small HTTP server
//! bound to 127.0.0.1 on a random port.
//!
//! WebKitGTK's media stack loads only http(s) and blob URLs, so capsules cannot come from a
//! custom URI scheme; images and subtitles use the same server for one set of rules. Every
//! URL carries a random per-run token (a request without it gets 403), only files listed in
//! an installed module's manifest are reachable, and `Range` requests are answered with 206
//! so that the player can seek without reading the whole file. Bodies are streamed from the
//! zip, a range answer holds at most 4 MiB, and nothing larger than that is ever held in
//! memory (a large deflated file is served by ranges only).

use std::ops::Range;
use std::sync::Arc;
use std::thread;

use dlis::Library;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// Largest body sent for one range request: the player asks for the rest.
const MAX_CHUNK: u64 = 4 << 20;
/// Requests served at once (a video, its subtitles, a few images).
const WORKERS: usize = 4;
/// The origins of the app's page, allowed to read subtitles cross-origin.
const APP_ORIGINS: [&str; 2] = ["tauri://localhost", "http://tauri.localhost"];

pub struct Server {
    /// `http://127.0.0.1:PORT/TOKEN`: module files are under `{base}/{module id}/{path}`.
    pub base: String,
    /// `http://127.0.0.1:PORT`, the only origin the page's CSP lets media and images come from.
    pub origin: String,
}

impl Server {
    pub fn start(library: Library) -> anyhow::Result<Server> {
        let http =
            tiny_http::Server::http("127.0.0.1:0").map_err(|e| anyhow::anyhow!("media server: {e}"))?;
        let port = http.server_addr().to_ip().map(|a| a.port()).ok_or_else(|| anyhow::anyhow!("no port"))?;
        let token = random_token();
        let http = Arc::new(http);
        for _ in 0..WORKERS {
            // Each worker's `Library` is a clone sharing the app's cache of open bundles.
            let (http, library, token) = (Arc::clone(&http), library.clone(), token.clone());
            thread::spawn(move || {
                for request in http.incoming_requests() {
                    let response = answer(&request, &token, &library);
                    let _ = request.respond(response);
                }
            });
        }
        let origin = format!("http://127.0.0.1:{port}");
        Ok(Server { base: format!("{origin}/{token}"), origin })
    }
}

fn random_token() -> String {
    let mut bytes = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

type Reply = Response<Box<dyn std::io::Read + Send>>;

fn answer(request: &Request, token: &str, library: &Library) -> Reply {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return status(405);
    }
    let path = request.url().split(['?', '#']).next().unwrap_or_default();
    let mut parts = path.trim_start_matches('/').splitn(3, '/');
    let (Some(given), Some(module), Some(file)) = (parts.next(), parts.next(), parts.next()) else {
        return status(404);
    };
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return status(403);
    }
    let Some(file) = dlis::paths::percent_decode(file) else { return status(404) };
    let Ok(bundle) = library.open(module) else { return status(404) };
    // Only the module's content: never module.json (the quiz answers) nor signature.json.
    let Some(info) = bundle.content(&file) else { return status(404) };
    let size = info.size;
    let range = match request.headers().iter().find(|h| h.field.equiv("Range")) {
        None => None,
        Some(header) => match byte_range(header.value.as_str(), size) {
            Some(range) => Some(range),
            None => {
                return status(416).with_header(header_of("Content-Range", &format!("bytes */{size}")));
            }
        },
    };
    let wanted = range.clone().unwrap_or(0..size);
    let length = wanted.end - wanted.start;
    // STORED files stream from their place in the zip; a deflated one (a text, small in any
    // bundle `dlis pack` makes) is inflated into memory, so only a capped piece of it is.
    if info.offset.is_none() && length > MAX_CHUNK {
        return status(416).with_header(header_of("Content-Range", &format!("bytes */{size}")));
    }
    // Streamed from the zip a piece at a time: a 300 MB capsule is never held in memory.
    let body: Box<dyn std::io::Read + Send> = if *request.method() == Method::Head {
        Box::new(std::io::empty())
    } else {
        match bundle.range_reader(&file, wanted.clone()) {
            Ok(reader) => Box::new(reader),
            Err(_) => return status(500),
        }
    };
    let mut response = Response::new(StatusCode(200), Vec::new(), body, Some(length as usize), None)
        .with_header(header_of("Content-Type", media_type(&file)))
        .with_header(header_of("Accept-Ranges", "bytes"))
        .with_header(header_of("X-Content-Type-Options", "nosniff"))
        .with_header(header_of("Cache-Control", "no-cache"));
    if let Some(origin) = request.headers().iter().find(|h| h.field.equiv("Origin"))
        && APP_ORIGINS.contains(&origin.value.as_str())
    {
        response.add_header(header_of("Access-Control-Allow-Origin", origin.value.as_str()));
        response.add_header(header_of("Vary", "Origin"));
    }
    if range.is_some() {
        response = response.with_status_code(206).with_header(header_of(
            "Content-Range",
            &format!("bytes {}-{}/{size}", wanted.start, wanted.end - 1),
        ));
    }
    response
}

fn status(code: u16) -> Reply {
    Response::new(StatusCode(code), Vec::new(), Box::new(std::io::empty()), Some(0), None)
}

fn header_of(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("a valid header"))
}

/// The bytes a `Range` header asks for, clamped to the file and to [`MAX_CHUNK`] (a range
/// answer may be shorter than asked: players ask for the rest); `None` when it cannot be
/// satisfied. Only single ranges are served (players never ask for several).
fn byte_range(header: &str, size: u64) -> Option<Range<u64>> {
    let spec = header.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (start, end) = spec.split_once('-')?;
    let (start, end) = (start.trim(), end.trim());
    let range = match (start.is_empty(), end.is_empty()) {
        (true, false) => {
            let suffix: u64 = end.parse().ok()?;
            size.saturating_sub(suffix)..size
        }
        (false, true) => {
            let start: u64 = start.parse().ok()?;
            start..size.min(start.saturating_add(MAX_CHUNK))
        }
        (false, false) => {
            let (start, end): (u64, u64) = (start.parse().ok()?, end.parse().ok()?);
            if end < start {
                return None;
            }
            start..size.min(end.saturating_add(1))
        }
        (true, true) => return None,
    };
    let range = range.start..range.end.min(range.start.saturating_add(MAX_CHUNK));
    (range.start < range.end).then_some(range)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The media type of a module file, by extension (the bundle format fixes which exist).
fn media_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "webm" => "video/webm",
        "mp4" | "m4v" => "video/mp4",
        "vtt" => "text/vtt; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "mp3" => "audio/mpeg",
        "ogg" | "opus" => "audio/ogg",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_as_players_send_them() {
        assert_eq!(byte_range("bytes=0-", 100), Some(0..100));
        assert_eq!(byte_range("bytes=10-19", 100), Some(10..20));
        assert_eq!(byte_range("bytes=90-200", 100), Some(90..100));
        assert_eq!(byte_range("bytes=-10", 100), Some(90..100));
        assert_eq!(byte_range("bytes=0-", 100 << 20), Some(0..MAX_CHUNK));
        assert_eq!(byte_range("bytes=0-99999999", 100 << 20), Some(0..MAX_CHUNK), "closed ranges too");
        assert_eq!(
            byte_range("bytes=-99999999", 100 << 20),
            Some((100 << 20) - 99999999..(100 << 20) - 99999999 + MAX_CHUNK)
        );
        for bad in ["bytes=100-", "bytes=20-10", "bytes=-", "items=0-1", "bytes=0-1,5-6", "bytes=x-"] {
            assert_eq!(byte_range(bad, 100), None, "{bad}");
        }
    }
}
