//! {{name}}: an event handler (world saas:extensibility/event-extension@1.0.0).
//!
//! Runs in the host's sandbox for every event the tenant subscribes it to. `println!` and
//! `eprintln!` go to the invocation log; so does `logging::info`.

use saas_extensibility::{export_event_handler, key_value, logging, Decision, Event, EventHandler, Failure};

struct Handler;

impl EventHandler for Handler {
    fn handle(event: Event) -> Result<Decision, Failure> {
        println!("{{name}} received {} {}", event.event_type, event.id);

        // A synchronous subscription may stop the operation that raised the event.
        if event.payload.contains("\"blocked\":true") {
            return Ok(Decision::Veto("blocked by {{name}}".into()));
        }

        // State that survives between calls lives in the host's key-value store.
        let seen = key_value::get("seen")
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.parse::<u64>().ok())
            .unwrap_or(0)
            + 1;
        key_value::set("seen", seen.to_string().as_bytes()).map_err(|reason| Failure::new("key-value", reason))?;
        logging::info(&format!("{{name}} has seen {seen} event(s)"));
        Ok(Decision::Proceed)
    }
}

export_event_handler!(Handler);
