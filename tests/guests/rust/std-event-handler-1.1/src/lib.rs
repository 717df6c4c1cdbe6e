//! Rust guest with `std` for `saas:extensibility@1.1.0`, world `event-extension`: the SDK crate
//! with the feature `v1_1`, built for `wasm32-wasip1` and made a component with the WASI reactor
//! adapter, like `std-event-handler` (its 1.0 sibling). It uses every 1.1 import it gets except
//! config: outbound-http, logging and key-value, and the event's metadata.
//!
//! Behaviour (tests assert it; keep tests/guests/README.md in step):
//! - counts its calls in key-value `events` (decimal text), every event;
//! - event-type `order.fetch` with payload `{"url": "<url>"}` -> `GET <url>` through outbound-http:
//!   ok(replace({"status":<status>,"body":<body as a JSON string>})) for any response, or
//!   ok(replace({"error":"<case>: <reason>"})) (`{"error":"timeout"}`) when the host answers `err`;
//!   a payload without a string `url` -> err(failure { code: "invalid-payload", … });
//! - event-type `order.meta` -> ok(replace({"correlationId":<metadata.correlation-id>,"depth":<metadata.depth>}));
//! - event-type `order.reset` -> deletes key-value `events` -> ok(replace({"reset":true})), so the
//!   next event counts 1 again;
//! - otherwise: logs `info` `rust-std-1.1 logged <event-type>, call <count>` -> ok(proceed).

use saas_extensibility::outbound_http::{self, Request};
use saas_extensibility::{export_event_handler, json_string, key_value, logging, Decision, Event, EventHandler, Failure};

struct Handler;

impl EventHandler for Handler {
    fn handle(event: Event) -> Result<Decision, Failure> {
        let count = key_value::get("events")
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| text.parse::<u32>().ok())
            .unwrap_or(0)
            + 1;
        key_value::set("events", count.to_string().as_bytes()).map_err(|reason| Failure::new("kv", reason))?;

        match event.event_type.as_str() {
            "order.fetch" => {
                let url = string_field(&event.payload, "url")
                    .ok_or_else(|| Failure::new("invalid-payload", "order.fetch needs a payload {\"url\": \"<url>\"}"))?;
                let answer = match outbound_http::fetch(&Request::get(url)) {
                    Ok(response) => format!("{{\"status\":{},\"body\":{}}}", response.status, json_string(&response.body)),
                    Err(error) => format!("{{\"error\":{}}}", json_string(&error.to_string())),
                };
                Ok(Decision::Replace(answer))
            }
            "order.reset" => {
                key_value::delete("events");
                Ok(Decision::Replace("{\"reset\":true}".to_string()))
            }
            "order.meta" => Ok(Decision::Replace(format!(
                "{{\"correlationId\":{},\"depth\":{}}}",
                json_string(&event.metadata.correlation_id),
                event.metadata.depth
            ))),
            _ => {
                logging::info(&format!("rust-std-1.1 logged {}, call {count}", event.event_type));
                Ok(Decision::Proceed)
            }
        }
    }
}

export_event_handler!(Handler);

/// The string value of the top-level member `key` of the JSON object `json`, if it is a string.
fn string_field(json: &str, key: &str) -> Option<String> {
    let mut chars = json.chars().peekable();
    skip_whitespace(&mut chars);
    if chars.next()? != '{' {
        return None;
    }
    loop {
        skip_whitespace(&mut chars);
        if chars.next()? != '"' {
            return None;
        }
        let name = read_string(&mut chars)?;
        skip_whitespace(&mut chars);
        if chars.next()? != ':' {
            return None;
        }
        skip_whitespace(&mut chars);
        if chars.peek() == Some(&'"') {
            chars.next();
            let value = read_string(&mut chars)?;
            if name == key {
                return Some(value);
            }
        } else {
            skip_value(&mut chars)?;
        }
        skip_whitespace(&mut chars);
        if chars.next()? != ',' {
            return None;
        }
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_whitespace(chars: &mut Chars) {
    while chars.next_if(|c| c.is_ascii_whitespace()).is_some() {}
}

/// Reads a JSON string after its opening quote, through its closing quote.
fn read_string(chars: &mut Chars) -> Option<String> {
    let mut text = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(text),
            '\\' => match chars.next()? {
                'n' => text.push('\n'),
                't' => text.push('\t'),
                'r' => text.push('\r'),
                'b' => text.push('\u{8}'),
                'f' => text.push('\u{c}'),
                'u' => {
                    let hex: String = (0..4).map(|_| chars.next()).collect::<Option<_>>()?;
                    text.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?).unwrap_or('\u{fffd}'));
                }
                other => text.push(other),
            },
            c => text.push(c),
        }
    }
}

/// Skips a non-string value (number, literal, object or array), stopping before the `,` or `}`
/// that ends it.
fn skip_value(chars: &mut Chars) -> Option<()> {
    let mut depth = 0u32;
    loop {
        match chars.peek()? {
            ',' | '}' if depth == 0 => return Some(()),
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.checked_sub(1)?,
            '"' => {
                chars.next();
                read_string(chars)?;
                continue;
            }
            _ => {}
        }
        chars.next();
    }
}
