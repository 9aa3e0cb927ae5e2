//! A fault-injecting HTTP proxy on loopback, between the syncing client and the LRS.
//!
//! Each request gets the fault a test's plan chooses for it: dropped connections before or
//! after the LRS saw the request, error answers, delays. It handles one request per
//! connection (it answers with `Connection: close`) and counts what went through.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the proxy does with one request.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// Forward it and pass the answer back.
    Pass,
    /// Read the request, then close the connection: the LRS never sees it.
    DropBefore,
    /// Forward it, let the LRS store it, then close the connection without an answer.
    DropAfter,
    /// Answer this status without forwarding (with `Retry-After` when given).
    Answer(u16, Option<u64>),
    /// Forward it, then answer this status instead of the LRS's answer.
    ForwardThenAnswer(u16),
    /// Wait, then forward.
    Delay(Duration),
    /// Answer this, as something that is not the LRS would (a Wi-Fi login page, a proxy):
    /// status, extra header lines (each ending in `\r\n`) and body, without forwarding.
    Impostor(u16, String, String),
}

/// A request as the plan sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The request target, e.g. `/xAPI/statements`.
    pub target: String,
    pub body: Vec<u8>,
}

impl Request {
    /// The number of statements in a POSTed batch.
    pub fn statements(&self) -> usize {
        serde_json::from_slice::<serde_json::Value>(&self.body)
            .ok()
            .and_then(|v| v.as_array().map(Vec::len))
            .unwrap_or(0)
    }
}

type Plan = Box<dyn FnMut(&Request) -> Fault + Send>;

struct Shared {
    plan: Mutex<Plan>,
    log: Mutex<Vec<(Request, Fault)>>,
    stop: AtomicBool,
}

pub struct Proxy {
    pub url: String,
    shared: Arc<Shared>,
    port: u16,
}

impl Proxy {
    /// A proxy to the LRS at `upstream` (`http://127.0.0.1:PORT`), applying `plan` to each request.
    pub fn start(upstream: &str, plan: impl FnMut(&Request) -> Fault + Send + 'static) -> Proxy {
        let upstream = upstream.strip_prefix("http://").expect("an http:// upstream").trim_end_matches('/');
        let upstream = upstream.to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            plan: Mutex::new(Box::new(plan)),
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        });
        let state = Arc::clone(&shared);
        thread::spawn(move || {
            for client in listener.incoming() {
                if state.stop.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(client) = client else { continue };
                let (state, upstream) = (Arc::clone(&state), upstream.clone());
                thread::spawn(move || {
                    let _ = serve(client, &upstream, &state);
                });
            }
        });
        Proxy { url: format!("http://127.0.0.1:{port}"), shared, port }
    }

    /// Replaces the plan, e.g. to let everything through at the end of a storm.
    pub fn set_plan(&self, plan: impl FnMut(&Request) -> Fault + Send + 'static) {
        *self.shared.plan.lock().unwrap() = Box::new(plan);
    }

    /// Every request seen so far, with the fault it got.
    pub fn log(&self) -> Vec<(Request, Fault)> {
        self.shared.log.lock().unwrap().clone()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port)); // wakes the accept loop
    }
}

fn serve(mut client: TcpStream, upstream: &str, shared: &Shared) -> std::io::Result<()> {
    client.set_read_timeout(Some(Duration::from_secs(30)))?;
    let (head, body) = read_message(&mut BufReader::new(client.try_clone()?))?;
    let request_line = head.lines().next().unwrap_or_default().to_owned();
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let request = Request { method, target, body: body.clone() };
    let fault = (shared.plan.lock().unwrap())(&request);
    shared.log.lock().unwrap().push((request, fault.clone()));
    match &fault {
        Fault::DropBefore => return client.shutdown(Shutdown::Both),
        Fault::Answer(status, retry_after) => {
            let retry = retry_after.map(|s| format!("Retry-After: {s}\r\n")).unwrap_or_default();
            return respond(&mut client, *status, &retry);
        }
        Fault::Impostor(status, headers, body) => {
            write!(
                client,
                "HTTP/1.1 {status} Impostor\r\nContent-Length: {}\r\n{headers}Connection: close\r\n\r\n{body}",
                body.len()
            )?;
            return client.shutdown(Shutdown::Both);
        }
        Fault::Delay(delay) => thread::sleep(*delay),
        Fault::Pass | Fault::DropAfter | Fault::ForwardThenAnswer(_) => {}
    }
    let answer = forward(upstream, &head, &body)?;
    match fault {
        Fault::DropAfter => client.shutdown(Shutdown::Both),
        Fault::ForwardThenAnswer(status) => respond(&mut client, status, ""),
        _ => {
            client.write_all(&answer)?;
            client.shutdown(Shutdown::Both)
        }
    }
}

fn respond(client: &mut TcpStream, status: u16, extra_headers: &str) -> std::io::Result<()> {
    let body = format!("{{\"detail\": \"injected {status}\"}}");
    write!(
        client,
        "HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra_headers}Connection: close\r\n\r\n{body}",
        body.len()
    )?;
    client.shutdown(Shutdown::Both)
}

/// Sends the request upstream with `Connection: close` and returns the whole answer, its
/// headers rewritten to say `Connection: close` too.
fn forward(upstream: &str, head: &str, body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut lrs = TcpStream::connect(upstream)?;
    let mut request = String::new();
    for line in head.lines().filter(|l| !l.to_ascii_lowercase().starts_with("connection:")) {
        request.push_str(line);
        request.push_str("\r\n");
    }
    request.push_str("Connection: close\r\n\r\n");
    lrs.write_all(request.as_bytes())?;
    lrs.write_all(body)?;
    let mut whole = Vec::new();
    lrs.read_to_end(&mut whole)?; // the LRS closes after its answer
    let split = whole.windows(4).position(|w| w == b"\r\n\r\n").ok_or(std::io::ErrorKind::InvalidData)?;
    let (head, body) = (String::from_utf8_lossy(&whole[..split]).into_owned(), whole[split + 4..].to_vec());
    let mut answer = String::new();
    for line in head.lines().filter(|l| !l.to_ascii_lowercase().starts_with("connection:")) {
        answer.push_str(line);
        answer.push_str("\r\n");
    }
    answer.push_str("Connection: close\r\n\r\n");
    let mut answer = answer.into_bytes();
    answer.extend_from_slice(&body);
    Ok(answer)
}

/// Reads an HTTP/1.1 message: the head (without its blank line) and a `Content-Length` body.
fn read_message(reader: &mut impl BufRead) -> std::io::Result<(String, Vec<u8>)> {
    let mut head = String::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok((head, body))
}
