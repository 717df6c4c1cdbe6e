//! Rust guest with `std`, built for `wasm32-wasip1` and made a component with the WASI reactor
//! adapter. World `point-extension`, through the SDK crate (Extensions.Sdk/rust/saas-extensibility).
//!
//! Behaviour by point (tests assert it; keep tests/guests/README.md in step):
//! - `probe.wasi`, input `{"port": <n>}`: tries what WASI must not grant and answers
//!   `{"file": "<error or what was read>", "env": <variables seen>, "args": <arguments seen>,
//!   "connect": "<error connecting 127.0.0.1:<n>>", "clockMs": <wall clock, ms since epoch>}`;
//! - `config`: `{"greeting": <config "greeting" as a JSON string, or null>}`;
//! - `chatty`: prints 500 lines `line <i>` to stdout, then `no newline` without one; output `{}`;
//! - `panic`: panics (the message goes to stderr, the call traps);
//! - anything else: prints `rust-std point: <point>` to stdout and `rust-std stderr: <point>` to
//!   stderr, logs `info` `rust-std invoked <point>`, and answers
//!   `{"lang":"rust-std","point":"<point>","input":<input>}`.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use saas_extensibility::{config, export_extension_point, json_string, logging, ExtensionPoint, Failure};

struct Point;

impl ExtensionPoint for Point {
    fn invoke(point: &str, input: &str) -> Result<String, Failure> {
        match point {
            "probe.wasi" => Ok(probe(input)),
            "config" => Ok(match config::get("greeting") {
                Some(greeting) => format!("{{\"greeting\":{}}}", json_string(&greeting)),
                None => String::from("{\"greeting\":null}"),
            }),
            "chatty" => {
                let mut out = std::io::stdout().lock();
                for i in 0..500 {
                    writeln!(out, "line {i}").map_err(|e| Failure::new("io", e.to_string()))?;
                }
                write!(out, "no newline").map_err(|e| Failure::new("io", e.to_string()))?;
                out.flush().map_err(|e| Failure::new("io", e.to_string()))?;
                Ok(String::from("{}"))
            }
            "panic" => panic!("rust-std panicked on purpose"),
            _ => {
                println!("rust-std point: {point}");
                eprintln!("rust-std stderr: {point}");
                logging::info(&format!("rust-std invoked {point}"));
                Ok(format!("{{\"lang\":\"rust-std\",\"point\":{},\"input\":{input}}}", json_string(point)))
            }
        }
    }
}

fn probe(input: &str) -> String {
    let port: String = input.chars().filter(char::is_ascii_digit).collect();
    let file = match std::fs::read_to_string("/etc/passwd") {
        Ok(text) => format!("read {} bytes", text.len()),
        Err(error) => format!("error: {error}"),
    };
    let connect = match std::net::TcpStream::connect(format!("127.0.0.1:{port}")) {
        Ok(_) => String::from("connected"),
        Err(error) => format!("error: {error}"),
    };
    let clock = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    format!(
        "{{\"file\":{},\"env\":{},\"args\":{},\"connect\":{},\"clockMs\":{}}}",
        json_string(&file),
        std::env::vars().count(),
        std::env::args().count(),
        json_string(&connect),
        clock
    )
}

export_extension_point!(Point);
