//! `saas:extensibility/key-value`: a small store private to this tenant and component
//! (`@1.0.0`, or `@1.1.0` with the feature `v1_1`).

use crate::abi::ImportReturnArea;
#[cfg(not(target_arch = "wasm32"))]
use crate::abi::absent_get as import_get;

#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "v1_1"), link(wasm_import_module = "saas:extensibility/key-value@1.0.0"))]
#[cfg_attr(feature = "v1_1", link(wasm_import_module = "saas:extensibility/key-value@1.1.0"))]
extern "C" {
    #[link_name = "get"]
    fn import_get(key_ptr: *const u8, key_len: usize, ret: *mut u8);
    #[link_name = "set"]
    fn import_set(key_ptr: *const u8, key_len: usize, value_ptr: *const u8, value_len: usize, ret: *mut u8);
    #[link_name = "delete"]
    fn import_delete(key_ptr: *const u8, key_len: usize);
}

// Off wasm (`cargo check`, docs) no host is there: writes go nowhere.
#[cfg(not(target_arch = "wasm32"))]
unsafe extern "C" fn import_set(_key_ptr: *const u8, _key_len: usize, _value_ptr: *const u8, _value_len: usize, _ret: *mut u8) {}
#[cfg(not(target_arch = "wasm32"))]
unsafe extern "C" fn import_delete(_key_ptr: *const u8, _key_len: usize) {}

/// The value stored under `key`, or `None`.
pub fn get(key: &str) -> Option<Vec<u8>> {
    crate::abi::get_option(key, import_get)
}

/// Stores `value` under `key`. `Err` says which host cap (key size, value size, entry count) was hit.
pub fn set(key: &str, value: &[u8]) -> Result<(), String> {
    let mut area = ImportReturnArea::new();
    unsafe { import_set(key.as_ptr(), key.len(), value.as_ptr(), value.len(), area.as_mut_ptr()) };
    area.take_result()
}

/// Removes `key`; removing a missing key is not an error.
pub fn delete(key: &str) {
    unsafe { import_delete(key.as_ptr(), key.len()) }
}
