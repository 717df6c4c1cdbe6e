//! `saas:extensibility/config`: read-only settings the operator's admins set per component
//! (`@1.0.0`, or `@1.1.0` with the feature `v1_1`).

#[cfg(not(target_arch = "wasm32"))]
use crate::abi::absent_get as import_get;

#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "v1_1"), link(wasm_import_module = "saas:extensibility/config@1.0.0"))]
#[cfg_attr(feature = "v1_1", link(wasm_import_module = "saas:extensibility/config@1.1.0"))]
extern "C" {
    #[link_name = "get"]
    fn import_get(key_ptr: *const u8, key_len: usize, ret: *mut u8);
}

/// The setting named `key`, or `None` when it is not set.
pub fn get(key: &str) -> Option<String> {
    crate::abi::get_option(key, import_get).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}
