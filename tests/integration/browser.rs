//! A real browser for the LMS packages: Debian's Chromium, headless, driven through
//! ChromeDriver (WebDriver) with fantoccini, and a small static web server on loopback that
//! plays the LMS's part (its page and the package's files, with the headers it chooses).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Serves folders under URL prefixes (`/lms/`, `/package/`), each with extra headers, and
/// whatever else a test's handler answers (an LMS's endpoints) first.
pub struct Site {
    pub port: u16,
}

/// A request as a handler sees it.
pub struct Request<'a> {
    pub method: &'a str,
    /// Path and query, as sent.
    pub target: &'a str,
    pub headers: &'a HashMap<String, String>,
    pub body: &'a [u8],
}

/// A handler's answer: status, content type, body.
pub type Reply = (u16, &'static str, Vec<u8>);
pub type Handler = Arc<dyn Fn(&Request) -> Option<Reply> + Send + Sync>;

pub struct Mount {
    pub prefix: &'static str,
    pub root: PathBuf,
    pub headers: Vec<(String, String)>,
}

impl Site {
    pub fn with_handler(mounts: Vec<Mount>, handler: Handler) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mounts = Arc::new(mounts);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mounts = Arc::clone(&mounts);
                let handler = Arc::clone(&handler);
                std::thread::spawn(move || {
                    let _ = serve(stream, &mounts, &*handler);
                });
            }
        });
        Site { port }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn serve(
    stream: TcpStream,
    mounts: &[Mount],
    handler: &(dyn Fn(&Request) -> Option<Reply> + Send + Sync),
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request)? == 0 {
            return Ok(());
        }
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line)?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
            }
        }
        let length: usize = headers.get("content-length").and_then(|l| l.parse().ok()).unwrap_or(0);
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        let mut words = request.split_whitespace();
        let method = words.next().unwrap_or("GET");
        let target = words.next().unwrap_or("/");
        if let Some((status, kind, bytes)) =
            handler(&Request { method, target, headers: &headers, body: &body })
        {
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\r\n",
                bytes.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&bytes)?;
            stream.flush()?;
            continue;
        }
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let found = mounts.iter().find_map(|m| {
            let rest = path.strip_prefix(m.prefix)?;
            let rest = decode(rest);
            let relative = Path::new(&rest);
            relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
                .then(|| (m, m.root.join(relative)))
        });
        match found.and_then(|(m, file)| std::fs::read(&file).ok().map(|bytes| (m, file, bytes))) {
            Some((mount, file, bytes)) => {
                // One byte range, as media players ask (WebKit's GStreamer will not seek without).
                let range = headers.get("range").and_then(|r| r.strip_prefix("bytes=")).and_then(|r| {
                    let (from, to) = r.split_once('-')?;
                    let from: usize = from.parse().ok()?;
                    let to: usize =
                        if to.is_empty() { bytes.len().checked_sub(1)? } else { to.parse().ok()? };
                    (from <= to && to < bytes.len()).then_some((from, to))
                });
                let (status, body, extra) = match range {
                    Some((from, to)) => (
                        "206 Partial Content",
                        &bytes[from..=to],
                        format!("Content-Range: bytes {from}-{to}/{}\r\n", bytes.len()),
                    ),
                    None => ("200 OK", &bytes[..], String::new()),
                };
                let mut head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\nAccept-Ranges: bytes\r\nCache-Control: no-store\r\n{extra}",
                    content_type(&file),
                    body.len()
                );
                for (name, value) in &mount.headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                stream.write_all(head.as_bytes())?;
                stream.write_all(b"\r\n")?;
                stream.write_all(body)?;
            }
            None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")?,
        }
        stream.flush()?;
    }
}

fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = path.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webm" => "video/webm",
        "mp4" => "video/mp4",
        "vtt" => "text/vtt; charset=utf-8",
        "ftl" | "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The browser engines the packages are played in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium, headless, under ChromeDriver.
    Chromium,
    /// WebKitGTK's MiniBrowser (the engine of Safari and of DLIS Learn on Linux) under
    /// WebKitWebDriver, in an Xvfb display of its own.
    WebKit,
}

/// A browser under its WebDriver, stopped when dropped.
pub struct Browser {
    pub client: Client,
    engine: Engine,
    driver: Child,
    xvfb: Option<Child>,
    _profile: tempfile::TempDir,
}

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Browser {
    pub async fn start(engine: Engine) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let profile = tempfile::tempdir().unwrap();
        let mut capabilities = serde_json::Map::new();
        let mut xvfb = None;
        let driver = match engine {
            Engine::Chromium => {
                capabilities.insert("goog:chromeOptions".into(), chromium_options(profile.path()));
                own_group(Command::new("chromedriver").arg(format!("--port={port}")))
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("chromedriver (Debian's chromium-driver; scripts/setup.sh test installs it)")
            }
            Engine::WebKit => {
                // `-displayfd 1`: Xvfb picks a free display and prints its number once ready.
                let mut server = Command::new("Xvfb")
                    .args(["-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("Xvfb (scripts/setup.sh test installs it)");
                let mut line = String::new();
                BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
                let display = format!(":{}", line.trim());
                xvfb = Some(server);
                capabilities.insert("browserName".into(), json!("MiniBrowser"));
                capabilities.insert(
                    "webkitgtk:browserOptions".into(),
                    json!({ "binary": MINIBROWSER, "args": ["--automation"] }),
                );
                own_group(Command::new("WebKitWebDriver").arg(format!("--port={port}")))
                    .env("DISPLAY", display)
                    // No GPU here: software rendering without the compositor's OpenGL.
                    .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("WebKitWebDriver (Debian's webkit2gtk-driver; scripts/setup.sh test installs it)")
            }
        };
        let mut last = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => return Browser { client, engine, driver, xvfb, _profile: profile },
                Err(err) => last = Some(err),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("cannot start {engine:?} through its WebDriver: {last:?}");
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// Waits up to `seconds` for `script` to return true.
    pub async fn until(&self, script: &str, seconds: u64, what: &str) {
        for _ in 0..seconds * 10 {
            if self.client.execute(script, vec![]).await.ok() == Some(json!(true)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("waited {seconds} s for {what}");
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        for _ in 0..150 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && element.is_displayed().await.unwrap_or(false)
            {
                return element;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let text = self.js("return document.body ? document.body.innerText.slice(0, 2000) : ''").await;
        panic!("no {css} on the page; it shows: {text}");
    }

    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        // WebKitWebDriver places pointer clicks wrongly inside a frame (the page stays as it
        // was): there, the element is clicked as a keyboard user's Enter would.
        if self.engine == Engine::WebKit || element.click().await.is_err() {
            // Scrolled out of view or covered: a script click is what a keyboard user does.
            self.client
                .execute("arguments[0].click()", vec![serde_json::to_value(&element).unwrap()])
                .await
                .unwrap();
        }
    }

    pub async fn select(&self, css: &str, value: &str) {
        let script = format!(
            "const s = document.querySelector({}); s.value = {}; s.dispatchEvent(new Event('change', {{ bubbles: true }}));",
            json!(css),
            json!(value)
        );
        self.find(css).await;
        self.js(&script).await;
    }
}

/// Starts the driver in a process group of its own, which the browsers it starts join.
#[cfg(unix)]
fn own_group(command: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    command.process_group(0)
}

#[cfg(not(unix))]
fn own_group(command: &mut Command) -> &mut Command {
    command
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The whole group: killing the driver alone leaves its browser running (dozens of
        // Chromium processes after a test run).
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.driver.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(xvfb) = &mut self.xvfb {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
    }
}

fn chromium_options(profile: &Path) -> Value {
    json!({
        "binary": "/usr/bin/chromium",
        "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--autoplay-policy=no-user-gesture-required",
            "--window-size=1280,900", format!("--user-data-dir={}", profile.display()),
        ],
    })
}
