//! The canonical ABI of the two worlds, written out: what `wit-bindgen` would generate.
//!
//! The same for `@1.0.0` and `@1.1.0` except for the names (chosen by the feature `v1_1` in each
//! import module and export macro), the event's `metadata` and the `outbound-http` import.
//!
//! - Arguments arrive as (pointer, length) pairs the host allocated with [`cabi_realloc`]; the
//!   export takes ownership of them.
//! - Results go into a static return area whose address the export returns; the strings it
//!   points at stay alive until the host calls the export's post-return function.
//! - Imports that return a string or list write (discriminant, pointer, length) into a return
//!   area the guest passes; the host allocated the payload with [`cabi_realloc`]. Arguments of
//!   imports are lent: the host copies them out during the call.

use std::alloc::{alloc, dealloc, realloc, Layout};

#[cfg(feature = "v1_1")]
use crate::EventMetadata;
use crate::{Decision, Event, EventHandler, ExtensionPoint, Failure};

/// The allocator the host uses to copy strings and lists into this component's memory.
///
/// # Safety
/// Called by the host per the canonical ABI: `old` is null or a block of `old_size` bytes with
/// alignment `align` that this function returned before.
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

#[cfg(target_arch = "wasm32")]
extern "C" {
    /// Runs static constructors (wasi-libc's environment and stdio set-up among them). A
    /// `cdylib` has no `_initialize` that would run them, so the first export call does.
    fn __wasm_call_ctors();
}

static mut INITIALIZED: bool = false;

/// Runs static constructors once, before the first export does any work.
fn initialize() {
    unsafe {
        if !*std::ptr::addr_of!(INITIALIZED) {
            *std::ptr::addr_of_mut!(INITIALIZED) = true;
            #[cfg(target_arch = "wasm32")]
            __wasm_call_ctors();
        }
    }
}

/// Size of the largest export result (`result<decision, failure>` and `result<string, failure>`:
/// a discriminant and up to two strings).
const RETURN_AREA_SIZE: usize = 20;

#[repr(C, align(4))]
struct ReturnArea([u8; RETURN_AREA_SIZE]);

static mut RETURN_AREA: ReturnArea = ReturnArea([0; RETURN_AREA_SIZE]);

/// Strings handed to the host by the last export; freed by its post-return function.
static mut LENT: Vec<Vec<u8>> = Vec::new();

/// Size of the largest import result: `outbound-http.fetch`'s `result<response, http-error>`,
/// a discriminant, then `response` at offset 4 (status `u16`, then two strings at 8 and 16).
const IMPORT_RETURN_AREA_SIZE: usize = 24;

/// The return area an import with an `option<…>` or `result<…>` result writes into.
#[repr(C, align(4))]
pub struct ImportReturnArea([u8; IMPORT_RETURN_AREA_SIZE]);

impl ImportReturnArea {
    pub(crate) fn new() -> Self {
        Self([0; IMPORT_RETURN_AREA_SIZE])
    }

    pub(crate) fn as_mut_ptr(&mut self) -> *mut u8 {
        self.0.as_mut_ptr()
    }

    /// The payload of an `option<list<u8>>` / `option<string>` the import wrote, now ours.
    pub(crate) fn take_option(&self) -> Option<Vec<u8>> {
        (self.0[0] != 0).then(|| unsafe { take_bytes(self.u32(4), self.u32(8)) })
    }

    /// A `result<_, string>` the import wrote, its error now ours.
    pub(crate) fn take_result(&self) -> Result<(), String> {
        match self.take_option() {
            None => Ok(()),
            Some(error) => Err(String::from_utf8_lossy(&error).into_owned()),
        }
    }

    /// The string whose (pointer, length) the import wrote at `offset`, now ours. Invalid UTF-8
    /// (which a conforming host never lowers) is replaced rather than trusted.
    #[cfg(feature = "v1_1")]
    pub(crate) fn take_string(&self, offset: usize) -> String {
        let bytes = unsafe { take_bytes(self.u32(offset), self.u32(offset + 4)) };
        String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    }

    /// The byte at `offset`: a discriminant.
    #[cfg(feature = "v1_1")]
    pub(crate) fn u8(&self, offset: usize) -> u8 {
        self.0[offset]
    }

    /// The `u16` at `offset` (2-aligned).
    #[cfg(feature = "v1_1")]
    pub(crate) fn u16(&self, offset: usize) -> u16 {
        u16::from_le_bytes([self.0[offset], self.0[offset + 1]])
    }

    fn u32(&self, offset: usize) -> u32 {
        u32::from_le_bytes([self.0[offset], self.0[offset + 1], self.0[offset + 2], self.0[offset + 3]])
    }
}

/// Takes ownership of `len` bytes the host allocated with [`cabi_realloc`] (alignment 1).
///
/// # Safety
/// `ptr`/`len` must describe a block the host allocated for this call and handed over.
unsafe fn take_bytes(ptr: u32, len: u32) -> Vec<u8> {
    if len == 0 {
        return Vec::new();
    }
    Vec::from_raw_parts(ptr as usize as *mut u8, len as usize, len as usize)
}

/// Takes ownership of a string argument. The host guarantees valid UTF-8.
unsafe fn take_string(ptr: *mut u8, len: usize) -> String {
    if len == 0 {
        return String::new();
    }
    String::from_utf8_unchecked(Vec::from_raw_parts(ptr, len, len))
}

/// Keeps `text` alive until post-return and writes its (pointer, length) at `offset`.
unsafe fn lend(area: *mut u8, offset: usize, text: String) {
    let bytes = text.into_bytes();
    write_u32(area, offset, bytes.as_ptr() as u32);
    write_u32(area, offset + 4, bytes.len() as u32);
    (*std::ptr::addr_of_mut!(LENT)).push(bytes);
}

unsafe fn write_u32(area: *mut u8, offset: usize, value: u32) {
    (area.add(offset) as *mut u32).write(value);
}

unsafe fn write_failure(area: *mut u8, failure: Failure) {
    *area = 1;
    lend(area, 4, failure.code);
    lend(area, 12, failure.message);
}

/// Calls an import `get: func(key: string) -> option<…>` (key-value's and config's) and takes its answer.
pub(crate) fn get_option(key: &str, import: unsafe extern "C" fn(*const u8, usize, *mut u8)) -> Option<Vec<u8>> {
    let mut area = ImportReturnArea::new();
    unsafe { import(key.as_ptr(), key.len(), area.as_mut_ptr()) };
    area.take_option()
}

/// A `get` import off wasm (`cargo check`, docs), where no host is: nothing is there.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) unsafe extern "C" fn absent_get(_key_ptr: *const u8, _key_len: usize, _ret: *mut u8) {}

/// The body of the exported `event-handler.handle`.
///
/// The event record arrives flattened, field by field: 9 core parameters in `@1.0.0`, 12 in
/// `@1.1.0` (`metadata` adds a string and a `u32`). Both are within the canonical ABI's 16 flat
/// parameters, beyond which the record would be passed by pointer instead.
///
/// # Safety
/// Called only through [`crate::export_event_handler`], with arguments lowered by the host.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub unsafe fn handle_event<H: EventHandler>(
    id_ptr: *mut u8,
    id_len: usize,
    type_ptr: *mut u8,
    type_len: usize,
    tenant_ptr: *mut u8,
    tenant_len: usize,
    occurred_at: i64,
    payload_ptr: *mut u8,
    payload_len: usize,
    #[cfg(feature = "v1_1")] correlation_id_ptr: *mut u8,
    #[cfg(feature = "v1_1")] correlation_id_len: usize,
    #[cfg(feature = "v1_1")] depth: u32,
) -> *mut u8 {
    initialize();
    let event = Event {
        id: take_string(id_ptr, id_len),
        event_type: take_string(type_ptr, type_len),
        tenant_id: take_string(tenant_ptr, tenant_len),
        occurred_at: occurred_at as u64,
        payload: take_string(payload_ptr, payload_len),
        #[cfg(feature = "v1_1")]
        metadata: EventMetadata { correlation_id: take_string(correlation_id_ptr, correlation_id_len), depth },
    };
    let area = std::ptr::addr_of_mut!(RETURN_AREA) as *mut u8;
    match H::handle(event) {
        Ok(decision) => {
            *area = 0;
            match decision {
                Decision::Proceed => *area.add(4) = 0,
                Decision::Veto(reason) => {
                    *area.add(4) = 1;
                    lend(area, 8, reason);
                }
                Decision::Replace(payload) => {
                    *area.add(4) = 2;
                    lend(area, 8, payload);
                }
            }
        }
        Err(failure) => write_failure(area, failure),
    }
    area
}

/// The body of the exported `extension-point.invoke`.
///
/// # Safety
/// Called only through [`crate::export_extension_point`], with arguments lowered by the host.
#[doc(hidden)]
pub unsafe fn invoke_point<P: ExtensionPoint>(point_ptr: *mut u8, point_len: usize, input_ptr: *mut u8, input_len: usize) -> *mut u8 {
    initialize();
    let point = take_string(point_ptr, point_len);
    let input = take_string(input_ptr, input_len);
    let area = std::ptr::addr_of_mut!(RETURN_AREA) as *mut u8;
    match P::invoke(&point, &input) {
        Ok(output) => {
            *area = 0;
            lend(area, 4, output);
        }
        Err(failure) => write_failure(area, failure),
    }
    area
}

/// The body of every post-return function: frees what the last export lent the host.
#[doc(hidden)]
pub fn post_return() {
    unsafe { (*std::ptr::addr_of_mut!(LENT)).clear() };
}
