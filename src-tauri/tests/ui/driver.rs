//! The real app in a real WebKitGTK window, driven through WebDriver: an X server (Xvfb when
//! there is no display), `tauri-driver` in its own process group, and a fantoccini client.
//! Also: axe-core on the current screen, and screenshots.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// axe-core 4.14.1 (MPL-2.0, `tests/vendor/`), injected into the page to check accessibility.
const AXE: &str = include_str!("../vendor/axe.min.js");

/// An X display for the app: the one we have, or a private Xvfb stopped on drop.
pub struct Display {
    pub name: String,
    xvfb: Option<Child>,
}

impl Display {
    pub fn get() -> Display {
        if let Ok(name) = std::env::var("DISPLAY")
            && !name.is_empty()
        {
            return Display { name, xvfb: None };
        }
        // `-displayfd 1`: Xvfb picks a free display and prints its number once it is ready.
        let mut xvfb = Command::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (apt install xvfb; scripts/setup.sh test does it)");
        let mut line = String::new();
        BufReader::new(xvfb.stdout.take().unwrap()).read_line(&mut line).unwrap();
        Display { name: format!(":{}", line.trim()), xvfb: Some(xvfb) }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(xvfb) = &mut self.xvfb {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
    }
}

/// `tauri-driver` and everything it starts (WebKitWebDriver, the app), in one process group
/// that is terminated as a whole on drop: killing only the driver would leave the app running.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(display: &str, env: &[(&str, &Path)]) -> Driver {
        let port = free_port();
        let native = free_port();
        let mut command = Command::new(tauri_driver());
        command
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .env("DISPLAY", display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = command.spawn().expect("tauri-driver (scripts/setup.sh test installs it)");
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return path.into();
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    let installed = home.join("bin/tauri-driver");
    if installed.exists() { installed } else { PathBuf::from("tauri-driver") }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One run of the app, with its data directory, seen through WebDriver.
pub struct App {
    pub client: Client,
    _driver: Driver,
    shots: PathBuf,
}

impl App {
    /// Starts the app on `data_dir`, with the sample bundles of `samples` for a first start.
    pub async fn start(display: &Display, data_dir: &Path, samples: &Path) -> App {
        App::start_with(display, data_dir, samples, &[]).await
    }

    /// [`App::start`] with more environment (a computer in dark mode, a shorter idle lock).
    pub async fn start_with(
        display: &Display,
        data_dir: &Path,
        samples: &Path,
        more: &[(&str, &Path)],
    ) -> App {
        let app = Path::new(env!("CARGO_BIN_EXE_dlis-learn"));
        let mut env = vec![("DLIS_DATA_DIR", data_dir), ("DLIS_SAMPLE_MODULES", samples)];
        env.extend_from_slice(more);
        App::start_program(display, app, &env).await
    }

    /// Chooses `value` in the select `css`, as a change by the learner (WebDriver cannot open
    /// WebKitGTK's native drop-down lists).
    pub async fn select(&self, css: &str, value: &str) {
        let script = format!(
            "const s = document.querySelector({}); s.value = {}; s.dispatchEvent(new Event('change', {{ bubbles: true }}));",
            json!(css),
            json!(value)
        );
        self.js(&script).await;
    }

    /// Waits until `script` returns true; fails, naming `what`, after `seconds`.
    pub async fn until(&self, script: &str, seconds: u64, what: &str) {
        let start = Instant::now();
        while self.js(script).await != json!(true) {
            assert!(
                start.elapsed() < Duration::from_secs(seconds),
                "{what} did not happen within {seconds} s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Starts `program`, a Tauri app, with `env`, under WebDriver.
    pub async fn start_program(display: &Display, program: &Path, env: &[(&str, &Path)]) -> App {
        // tauri-driver now and then drops the very first request; a new driver then works.
        let mut attempt = 0;
        let (client, driver) = loop {
            attempt += 1;
            let driver = Driver::start(&display.name, env);
            let mut capabilities = serde_json::Map::new();
            capabilities.insert("tauri:options".into(), json!({ "application": program }));
            capabilities.insert("browserName".into(), json!("wry"));
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities)
                .connect(&format!("http://127.0.0.1:{}", driver.port))
                .await
            {
                Ok(client) => break (client, driver),
                Err(err) if attempt < 5 => {
                    eprintln!("WebDriver session refused ({err}); trying again");
                    // A loaded machine (2 cores, the app being linked) needs a moment.
                    tokio::time::sleep(Duration::from_millis(500 * attempt)).await;
                }
                Err(err) => panic!("no WebDriver session with the app: {err}"),
            }
        };
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui-screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        App { client, _driver: driver, shots }
    }

    /// Waits for an element (the UI renders asynchronously).
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        let wait = self.client.wait().at_most(Duration::from_secs(30)).for_element(Locator::Css(css));
        within(&format!("looking for {css:?}"), wait)
            .await
            .unwrap_or_else(|e| panic!("no element {css:?} on the screen: {e}"))
    }

    /// Clicks an element, scrolled to the middle of the window first (a click on an element
    /// under the sticky header would land on the header).
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        let quoted = Value::String(css.to_owned());
        self.js(&format!("document.querySelector({quoted}).scrollIntoView({{ block: 'center' }});")).await;
        within(&format!("clicking {css:?}"), element.click())
            .await
            .unwrap_or_else(|e| panic!("cannot click {css:?}: {e}"));
    }

    /// The text of an element (waiting for it to appear).
    pub async fn text_of(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap()
    }

    /// Waits until `css` holds `wanted` in its text.
    pub async fn wait_text(&self, css: &str, wanted: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = match within("reading a text", self.client.find(Locator::Css(css))).await {
                Ok(element) => within("reading a text", element.text()).await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(wanted) {
                return;
            }
            assert!(Instant::now() < deadline, "{css:?} never said {wanted:?}; it says {text:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> Value {
        within("running a script", self.client.execute(script, Vec::new()))
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs a script that ends by calling `done(value)` (its last argument), and returns the value.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        let script = format!("const done = arguments[arguments.length - 1];\n{script}");
        within("running a script", self.client.execute_async(&script, args))
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Calls an app command the way the page does, as a page that wants more than its screens
    /// offer could: `Ok` with the result, or `Err` with the error (`{ message, kind }`).
    pub async fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        let run = self.client.execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI__.core.invoke(arguments[0], arguments[1])
                .then(r => done({ ok: r === undefined ? null : r }), e => done({ err: e }));",
            vec![json!(command), args],
        );
        let answer = within(&format!("the command {command}"), run).await.unwrap();
        match answer.get("ok") {
            Some(ok) => Ok(ok.clone()),
            None => Err(answer["err"].clone()),
        }
    }

    /// Runs axe-core on the screen; fails on serious or critical violations.
    pub async fn check_accessibility(&self, screen: &str) {
        if self.js("return typeof window.axe").await != json!("object") {
            self.js(AXE).await;
        }
        let run = self.client.execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.html) }))))
                .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
            Vec::new(),
        );
        let result = within(&format!("axe-core on the {screen} screen"), run).await.unwrap();
        let violations: Vec<&Value> = result
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(violations.is_empty(), "accessibility violations on the {screen} screen:\n{violations:#?}");
    }

    /// Saves a screenshot of the window as `{name}.png` (in the test's temp dir, and in
    /// `docs/screenshots/` when `DLIS_UPDATE_SCREENSHOTS` is set).
    pub async fn screenshot(&self, name: &str) {
        // Without OpenGL compositing (the app's default), WebKit answers a screenshot only
        // after the page paints again: a one-pixel marker changes until the answer comes.
        self.js(
            "const m = document.createElement('div'); m.id = 'screenshot-tick';
             m.setAttribute('aria-hidden', 'true');
             Object.assign(m.style, { position: 'fixed', left: '0', bottom: '0', width: '1px', height: '1px' });
             document.body.append(m);
             window.__tick = setInterval(() => { m.style.opacity = m.style.opacity === '0' ? '0.01' : '0'; }, 50);",
        )
        .await;
        let png = within(&format!("a screenshot of {name}"), self.client.screenshot()).await.unwrap();
        self.js("clearInterval(window.__tick); document.getElementById('screenshot-tick').remove();").await;
        std::fs::write(self.shots.join(format!("{name}.png")), &png).unwrap();
        if std::env::var_os("DLIS_UPDATE_SCREENSHOTS").is_some() {
            let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshots");
            std::fs::create_dir_all(&docs).unwrap();
            std::fs::write(docs.join(format!("{name}.png")), &png).unwrap();
        }
    }

    /// Closes the window the way a user does, ending the app.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(30), self.client.close()).await;
    }
}

/// Awaits a WebDriver request, failing the test with `what` when no answer comes within a
/// minute: a request the driver lost would otherwise hang the test run for good.
pub async fn within<T>(what: &str, request: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), request)
        .await
        .unwrap_or_else(|_| panic!("WebDriver gave no answer within 60 s while {what}"))
}
