//! Rust guest for world `saas:extensibility/event-extension@1.0.0`, with the canonical ABI
//! written by hand (crates.io, and so wit-bindgen, is out of reach on the build machines).
//!
//! Behaviour (tests assert it; keep tests/guests/README.md in step):
//! - logs one `info` line: `rust handler: <event-type> event <id>, payload <n> bytes`;
//! - payload contains "forbidden" -> ok(veto("rust says no"));
//! - else payload contains "fail"  -> err(failure { code: "rust-fail", message: "rust handler failed on <event-type>" });
//! - otherwise                     -> ok(proceed).
//!
//! ABI notes: `handle` takes the event record flattened to 9 core values (4 strings as
//! ptr+len, `occurred-at` as i64) and returns a pointer to a static 20-byte return area laid
//! out as `result<decision, failure>`: discriminant byte at 0, payload at 4.

use std::alloc::{alloc, dealloc, realloc, Layout};

/// Allocator the host uses to lower argument strings into this guest's memory.
#[no_mangle]
pub unsafe extern "C" fn cabi_realloc(old: *mut u8, old_size: usize, align: usize, new_size: usize) -> *mut u8 {
    if new_size == 0 {
        if !old.is_null() && old_size != 0 {
            dealloc(old, Layout::from_size_align_unchecked(old_size, align));
        }
        return align as *mut u8;
    }
    let ptr = if old.is_null() || old_size == 0 {
        alloc(Layout::from_size_align_unchecked(new_size, align))
    } else {
        realloc(old, Layout::from_size_align_unchecked(old_size, align), new_size)
    };
    if ptr.is_null() {
        // Out of memory under the host's limit: trap rather than hand the host a null pointer.
        std::process::abort();
    }
    ptr
}

#[link(wasm_import_module = "saas:extensibility/logging@1.0.0")]
extern "C" {
    /// `log: func(level: level, message: string)`; `level` is the enum's case index.
    #[link_name = "log"]
    fn logging_log(level: i32, ptr: *const u8, len: usize);
}

const LEVEL_INFO: i32 = 2;

#[repr(C, align(4))]
struct ReturnArea([u8; 20]);

static mut RETURN_AREA: ReturnArea = ReturnArea([0; 20]);

/// Strings handed to the host in the last result; freed by the post-return function.
static mut RESULT_STRINGS: Vec<Vec<u8>> = Vec::new();

/// Takes ownership of a string the host allocated with `cabi_realloc` (align 1).
unsafe fn take_string(ptr: *mut u8, len: usize) -> String {
    String::from_utf8_unchecked(Vec::from_raw_parts(ptr, len, len))
}

/// Keeps `s` alive until post-return and gives back its (ptr, len) for the return area.
unsafe fn lend(s: String) -> (u32, u32) {
    let bytes = s.into_bytes();
    let pair = (bytes.as_ptr() as u32, bytes.len() as u32);
    (*std::ptr::addr_of_mut!(RESULT_STRINGS)).push(bytes);
    pair
}

unsafe fn write_u32(area: *mut u8, offset: usize, value: u32) {
    *(area.add(offset) as *mut u32) = value;
}

#[export_name = "saas:extensibility/event-handler@1.0.0#handle"]
pub unsafe extern "C" fn handle(
    id_ptr: *mut u8,
    id_len: usize,
    type_ptr: *mut u8,
    type_len: usize,
    tenant_ptr: *mut u8,
    tenant_len: usize,
    _occurred_at: i64,
    payload_ptr: *mut u8,
    payload_len: usize,
) -> *mut u8 {
    let id = take_string(id_ptr, id_len);
    let event_type = take_string(type_ptr, type_len);
    let _tenant_id = take_string(tenant_ptr, tenant_len);
    let payload = take_string(payload_ptr, payload_len);

    let line = format!("rust handler: {event_type} event {id}, payload {} bytes", payload.len());
    logging_log(LEVEL_INFO, line.as_ptr(), line.len());

    let area = std::ptr::addr_of_mut!(RETURN_AREA) as *mut u8;
    if payload.contains("forbidden") {
        let (ptr, len) = lend(String::from("rust says no"));
        *area = 0; // ok
        *area.add(4) = 1; // decision::veto
        write_u32(area, 8, ptr);
        write_u32(area, 12, len);
    } else if payload.contains("fail") {
        let (code_ptr, code_len) = lend(String::from("rust-fail"));
        let (msg_ptr, msg_len) = lend(format!("rust handler failed on {event_type}"));
        *area = 1; // err(failure)
        write_u32(area, 4, code_ptr);
        write_u32(area, 8, code_len);
        write_u32(area, 12, msg_ptr);
        write_u32(area, 16, msg_len);
    } else {
        *area = 0; // ok
        *area.add(4) = 0; // decision::proceed
    }
    area
}

#[export_name = "cabi_post_saas:extensibility/event-handler@1.0.0#handle"]
pub unsafe extern "C" fn handle_post_return(_area: *mut u8) {
    (*std::ptr::addr_of_mut!(RESULT_STRINGS)).clear();
}
