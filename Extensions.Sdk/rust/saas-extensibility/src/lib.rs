//! Guest bindings for `saas:extensibility`, the contract of ExtensibilityHost: `@1.0.0` by
//! default, `@1.1.0` with the cargo feature `v1_1`.
//!
//! Write an event handler or an extension point as a plain Rust type and export it with one
//! macro; call the host's imports (`logging`, `key_value`, `config`, and with `v1_1`
//! `outbound_http`) as ordinary functions.
//! Standard output and standard error (`println!`, `eprintln!`, panics) reach the host's
//! invocation log through WASI when the component is built for `wasm32-wasip1` with the
//! reactor adapter (or for `wasm32-wasip2`).
//!
//! ```ignore
//! use saas_extensibility::{export_event_handler, logging, Decision, Event, EventHandler, Failure};
//!
//! struct Orders;
//!
//! impl EventHandler for Orders {
//!     fn handle(event: Event) -> Result<Decision, Failure> {
//!         logging::info(&format!("{} received", event.event_type));
//!         Ok(Decision::Proceed)
//!     }
//! }
//!
//! export_event_handler!(Orders);
//! ```
//!
//! With `features = ["v1_1"]` the same code builds a component of `saas:extensibility@1.1.0`:
//! every import and export is named `@1.1.0`, [`Event`] has `metadata` ([`EventMetadata`]) and
//! [`outbound_http::fetch`] is there. The feature chooses the version of the whole component (a
//! component implements one world), so it is not additive: set it in the crate that exports.
//!
//! The canonical ABI is written out in [`abi`] because these bindings must build where
//! crates.io (and so `wit-bindgen`) is out of reach; with `wit-bindgen` available, its
//! generated bindings for the same `wit/` package are equivalent.

pub mod abi;
pub mod config;
pub mod key_value;
pub mod logging;
#[cfg(feature = "v1_1")]
pub mod outbound_http;
mod types;

#[cfg(feature = "v1_1")]
pub use types::EventMetadata;
pub use types::{Decision, Event, Failure};

/// `text` as a JSON string literal (quoted and escaped), for building JSON output without serde.
pub fn json_string(text: &str) -> String {
    let mut json = String::with_capacity(text.len() + 2);
    json.push('"');
    for c in text.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            c if (c as u32) < 0x20 => json.push_str(&format!("\\u{:04x}", c as u32)),
            c => json.push(c),
        }
    }
    json.push('"');
    json
}

/// Implemented by a component of world `event-extension`: handles one domain event.
pub trait EventHandler {
    /// Handles one event. For synchronous subscriptions the decision applies to the operation
    /// that raised the event; for asynchronous ones only `Err` matters (the delivery is retried).
    fn handle(event: Event) -> Result<Decision, Failure>;
}

/// Implemented by a component of world `point-extension`: runs a named extension point.
pub trait ExtensionPoint {
    /// Runs the extension point `point` with JSON `input`; returns JSON output.
    fn invoke(point: &str, input: &str) -> Result<String, Failure>;
}

/// Exports `saas:extensibility/event-handler@1.0.0#handle`, implemented by `$handler`
/// (a type implementing [`EventHandler`]). Use once per component.
#[cfg(not(feature = "v1_1"))]
#[macro_export]
macro_rules! export_event_handler {
    ($handler:ty) => {
        #[export_name = "saas:extensibility/event-handler@1.0.0#handle"]
        // The event record flattened as in `abi::handle_event` (id, event-type, tenant-id, occurred-at, payload).
        pub unsafe extern "C" fn __saas_extensibility_handle(
            a: *mut u8, b: usize, c: *mut u8, d: usize, e: *mut u8, f: usize, g: i64, h: *mut u8, i: usize,
        ) -> *mut u8 {
            $crate::abi::handle_event::<$handler>(a, b, c, d, e, f, g, h, i)
        }

        #[export_name = "cabi_post_saas:extensibility/event-handler@1.0.0#handle"]
        pub unsafe extern "C" fn __saas_extensibility_handle_post_return(_area: *mut u8) {
            $crate::abi::post_return();
        }
    };
}

/// Exports `saas:extensibility/event-handler@1.1.0#handle`, implemented by `$handler`
/// (a type implementing [`EventHandler`]). Use once per component.
#[cfg(feature = "v1_1")]
#[macro_export]
macro_rules! export_event_handler {
    ($handler:ty) => {
        #[export_name = "saas:extensibility/event-handler@1.1.0#handle"]
        // The event record flattened as in `abi::handle_event` (id, event-type, tenant-id,
        // occurred-at, payload, metadata.correlation-id, metadata.depth): 12 core parameters.
        pub unsafe extern "C" fn __saas_extensibility_handle(
            a: *mut u8, b: usize, c: *mut u8, d: usize, e: *mut u8, f: usize, g: i64, h: *mut u8, i: usize,
            j: *mut u8, k: usize, l: u32,
        ) -> *mut u8 {
            $crate::abi::handle_event::<$handler>(a, b, c, d, e, f, g, h, i, j, k, l)
        }

        #[export_name = "cabi_post_saas:extensibility/event-handler@1.1.0#handle"]
        pub unsafe extern "C" fn __saas_extensibility_handle_post_return(_area: *mut u8) {
            $crate::abi::post_return();
        }
    };
}

/// Exports `saas:extensibility/extension-point@1.0.0#invoke`, implemented by `$point`
/// (a type implementing [`ExtensionPoint`]). Use once per component.
#[cfg(not(feature = "v1_1"))]
#[macro_export]
macro_rules! export_extension_point {
    ($point:ty) => {
        #[export_name = "saas:extensibility/extension-point@1.0.0#invoke"]
        pub unsafe extern "C" fn __saas_extensibility_invoke(
            point_ptr: *mut u8,
            point_len: usize,
            input_ptr: *mut u8,
            input_len: usize,
        ) -> *mut u8 {
            $crate::abi::invoke_point::<$point>(point_ptr, point_len, input_ptr, input_len)
        }

        #[export_name = "cabi_post_saas:extensibility/extension-point@1.0.0#invoke"]
        pub unsafe extern "C" fn __saas_extensibility_invoke_post_return(_area: *mut u8) {
            $crate::abi::post_return();
        }
    };
}

/// Exports `saas:extensibility/extension-point@1.1.0#invoke`, implemented by `$point`
/// (a type implementing [`ExtensionPoint`]). Use once per component.
#[cfg(feature = "v1_1")]
#[macro_export]
macro_rules! export_extension_point {
    ($point:ty) => {
        #[export_name = "saas:extensibility/extension-point@1.1.0#invoke"]
        pub unsafe extern "C" fn __saas_extensibility_invoke(
            point_ptr: *mut u8,
            point_len: usize,
            input_ptr: *mut u8,
            input_len: usize,
        ) -> *mut u8 {
            $crate::abi::invoke_point::<$point>(point_ptr, point_len, input_ptr, input_len)
        }

        #[export_name = "cabi_post_saas:extensibility/extension-point@1.1.0#invoke"]
        pub unsafe extern "C" fn __saas_extensibility_invoke_post_return(_area: *mut u8) {
            $crate::abi::post_return();
        }
    };
}
