//! A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) for the tests: each route answers
//! as a real server would, or fails as real servers do (404, redirect loops, slow or endless
//! bodies, truncated bodies, the wrong content). Written on `std::net` so that every failure can
//! be produced byte for byte. It records every request, and stops when dropped.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Request {
    /// The path, with any query.
    pub path: String,
    /// Headers, names lower-cased.
    pub headers: HashMap<String, String>,
}

/// How a route answers.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A complete response.
    Full { status: u16, headers: Vec<(String, String)>, body: Vec<u8> },
    /// Headers promising `declared` bytes, then fewer, then the connection closes.
    Truncated { declared: usize, body: Vec<u8> },
    /// A body that never ends (until the client hangs up).
    Endless,
    /// Nothing for `delay`, then `reply`.
    Slow { delay: Duration, reply: Box<Reply> },
}

impl Reply {
    /// `200 OK` with this content type and body.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// A bodiless status.
    pub fn status(status: u16) -> Reply {
        Reply::Full { status, headers: Vec::new(), body: Vec::new() }
    }

    /// A redirect to `location`.
    pub fn redirect(location: &str) -> Reply {
        Reply::Full {
            status: 302,
            headers: vec![("Location".into(), location.into())],
            body: Vec::new(),
        }
    }

    /// This reply with one more header.
    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Full { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

type Routes = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server.
pub struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    bytes_sent: Arc<Mutex<usize>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server whose answers `routes` chooses.
    pub fn start(routes: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let bytes_sent = Arc::new(Mutex::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let routes: Arc<Routes> = Arc::new(routes);
        let thread = {
            let (requests, bytes_sent, stop) = (requests.clone(), bytes_sent.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (routes, requests, bytes_sent) =
                        (routes.clone(), requests.clone(), bytes_sent.clone());
                    std::thread::spawn(move || serve(stream, &*routes, &requests, &bytes_sent));
                }
            })
        };
        Server { addr, requests, bytes_sent, stop, thread: Some(thread) }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// Body bytes sent so far (complete replies only).
    pub fn body_bytes_sent(&self) -> usize {
        *self.bytes_sent.lock().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    stream: TcpStream,
    routes: &Routes,
    requests: &Mutex<Vec<Request>>,
    bytes_sent: &Mutex<usize>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    // A TLS handshake (a record of type 22) to this plain server: hang up, as a server that
    // speaks no TLS would, the same way every time.
    if reader.fill_buf().map_or(true, |b| b.first() == Some(&0x16)) {
        return;
    }
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let request = Request { path, headers };
    requests.lock().unwrap().push(request.clone());
    let reply = routes(&request);
    write_reply(stream, reply, bytes_sent);
}

fn write_reply(mut stream: TcpStream, reply: Reply, bytes_sent: &Mutex<usize>) {
    match reply {
        Reply::Full { status, headers, body } => {
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (name, value) in &headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()));
            // Held while writing: a client that has the reply finds it counted.
            let mut sent = bytes_sent.lock().unwrap();
            if stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body)).is_ok() {
                *sent += body.len();
            }
        }
        Reply::Truncated { declared, body } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {declared}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
        }
        Reply::Endless => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
            let chunk = b"<p>more and more and more</p>\n".repeat(1024);
            // Stops as soon as the client hangs up; the cap keeps a broken client from
            // making this loop forever.
            if stream.write_all(head.as_bytes()).is_ok() {
                for _ in 0..10_000 {
                    if stream.write_all(&chunk).is_err() {
                        break;
                    }
                }
            }
        }
        Reply::Slow { delay, reply } => {
            std::thread::sleep(delay);
            write_reply(stream, *reply, bytes_sent);
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
