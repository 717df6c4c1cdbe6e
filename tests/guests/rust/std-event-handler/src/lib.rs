//! Rust guest with `std`, built for `wasm32-wasip1` and made a component with the WASI reactor
//! adapter: the import shape of a tenant's `cargo component` build. World `event-extension`,
//! through the SDK crate (Extensions.Sdk/rust/saas-extensibility).
//!
//! Behaviour (tests assert it; keep tests/guests/README.md in step):
//! - prints `rust-std handler: <event-type> <id>` to stdout and logs `info` `rust-std logged <event-type>`;
//! - counts its calls in key-value `events` (decimal text);
//! - payload contains "forbidden"   -> ok(veto("rust-std says no"));
//! - event-type is `order.rewrite`  -> ok(replace({"rewrittenBy":"rust-std","count":<calls so far>}));
//! - payload contains "fail"        -> err(failure { code: "rust-std-fail", message: "rust-std failed on <event-type>" });
//! - otherwise                      -> ok(proceed).

use saas_extensibility::{export_event_handler, key_value, logging, Decision, Event, EventHandler, Failure};

struct Handler;

impl EventHandler for Handler {
    fn handle(event: Event) -> Result<Decision, Failure> {
        println!("rust-std handler: {} {}", event.event_type, event.id);
        logging::info(&format!("rust-std logged {}", event.event_type));
        let count = key_value::get("events")
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.parse::<u32>().ok())
            .unwrap_or(0)
            + 1;
        key_value::set("events", count.to_string().as_bytes()).map_err(|reason| Failure::new("kv", reason))?;

        if event.payload.contains("forbidden") {
            Ok(Decision::Veto("rust-std says no".into()))
        } else if event.event_type == "order.rewrite" {
            Ok(Decision::Replace(format!("{{\"rewrittenBy\":\"rust-std\",\"count\":{count}}}")))
        } else if event.payload.contains("fail") {
            Err(Failure::new("rust-std-fail", format!("rust-std failed on {}", event.event_type)))
        } else {
            Ok(Decision::Proceed)
        }
    }
}

export_event_handler!(Handler);
