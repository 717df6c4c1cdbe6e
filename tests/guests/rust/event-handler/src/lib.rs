//! Rust guest for world `saas:extensibility/event-extension@1.0.0` built for
//! `wasm32-unknown-unknown`: no WASI at all, so the component imports only the host's
//! `logging` interface. The canonical ABI comes from the SDK crate (Extensions.Sdk/rust), as in
//! the wasip1 guests.
//!
//! Behaviour (tests assert it; keep tests/guests/README.md in step):
//! - logs one `info` line: `rust handler: <event-type> event <id>, payload <n> bytes`;
//! - payload contains "forbidden" -> ok(veto("rust says no"));
//! - else payload contains "fail"  -> err(failure { code: "rust-fail", message: "rust handler failed on <event-type>" });
//! - otherwise                     -> ok(proceed).

use saas_extensibility::{export_event_handler, logging, Decision, Event, EventHandler, Failure};

struct Handler;

impl EventHandler for Handler {
    fn handle(event: Event) -> Result<Decision, Failure> {
        logging::info(&format!("rust handler: {} event {}, payload {} bytes", event.event_type, event.id, event.payload.len()));
        if event.payload.contains("forbidden") {
            Ok(Decision::Veto("rust says no".into()))
        } else if event.payload.contains("fail") {
            Err(Failure::new("rust-fail", format!("rust handler failed on {}", event.event_type)))
        } else {
            Ok(Decision::Proceed)
        }
    }
}

export_event_handler!(Handler);
