//! `saas:extensibility/logging`: lines in the host's invocation log, capped per call
//! (`@1.0.0`, or `@1.1.0` with the feature `v1_1`).

/// Severity of a log line (the WIT enum `level`, in case order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum Level {
    Trace = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
}

#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "v1_1"), link(wasm_import_module = "saas:extensibility/logging@1.0.0"))]
#[cfg_attr(feature = "v1_1", link(wasm_import_module = "saas:extensibility/logging@1.1.0"))]
extern "C" {
    #[link_name = "log"]
    fn import_log(level: i32, ptr: *const u8, len: usize);
}

/// Writes one line to the invocation log.
pub fn log(level: Level, message: &str) {
    #[cfg(target_arch = "wasm32")]
    unsafe {
        import_log(level as i32, message.as_ptr(), message.len());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (level, message);
}

/// Writes one `trace` line.
pub fn trace(message: &str) {
    log(Level::Trace, message);
}

/// Writes one `debug` line.
pub fn debug(message: &str) {
    log(Level::Debug, message);
}

/// Writes one `info` line.
pub fn info(message: &str) {
    log(Level::Info, message);
}

/// Writes one `warn` line.
pub fn warn(message: &str) {
    log(Level::Warn, message);
}

/// Writes one `error` line.
pub fn error(message: &str) {
    log(Level::Error, message);
}
