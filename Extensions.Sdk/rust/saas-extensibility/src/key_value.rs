//! `saas:extensibility/key-value@1.0.0`: a small store private to this tenant and component.

use crate::abi::ImportReturnArea;

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "saas:extensibility/key-value@1.0.0")]
extern "C" {
    #[link_name = "get"]
    fn import_get(key_ptr: *const u8, key_len: usize, ret: *mut u8);
    #[link_name = "set"]
    fn import_set(key_ptr: *const u8, key_len: usize, value_ptr: *const u8, value_len: usize, ret: *mut u8);
    #[link_name = "delete"]
    fn import_delete(key_ptr: *const u8, key_len: usize);
}

/// The value stored under `key`, or `None`.
pub fn get(key: &str) -> Option<Vec<u8>> {
    let mut area = ImportReturnArea::new();
    #[cfg(target_arch = "wasm32")]
    unsafe {
        import_get(key.as_ptr(), key.len(), area.as_mut_ptr());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
    area.take_option()
}

/// Stores `value` under `key`. `Err` says which host cap (key size, value size, entry count) was hit.
pub fn set(key: &str, value: &[u8]) -> Result<(), String> {
    let mut area = ImportReturnArea::new();
    #[cfg(target_arch = "wasm32")]
    unsafe {
        import_set(key.as_ptr(), key.len(), value.as_ptr(), value.len(), area.as_mut_ptr());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
    area.take_result()
}

/// Removes `key`; removing a missing key is not an error.
pub fn delete(key: &str) {
    #[cfg(target_arch = "wasm32")]
    unsafe {
        import_delete(key.as_ptr(), key.len());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}
