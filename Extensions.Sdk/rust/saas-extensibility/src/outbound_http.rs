//! `saas:extensibility/outbound-http@1.1.0`: HTTP requests to the origins an admin allowed for
//! this component (feature `v1_1`). A request to any other origin is `Err(HttpError::Forbidden)`
//! and nothing is sent; every request counts against the call's deadline.

use std::fmt;

use crate::abi::ImportReturnArea;

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "saas:extensibility/outbound-http@1.1.0")]
extern "C" {
    // The request record flattened (four strings, 8 core parameters); the result is too big for
    // one core value, so the host writes it into the return area `ret` (see `fetch`).
    #[link_name = "fetch"]
    fn import_fetch(
        method_ptr: *const u8,
        method_len: usize,
        url_ptr: *const u8,
        url_len: usize,
        headers_ptr: *const u8,
        headers_len: usize,
        body_ptr: *const u8,
        body_len: usize,
        ret: *mut u8,
    );
}

// Off wasm (`cargo check`, docs) no host is there: every request fails with an empty reason.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn import_fetch(
    _method_ptr: *const u8,
    _method_len: usize,
    _url_ptr: *const u8,
    _url_len: usize,
    _headers_ptr: *const u8,
    _headers_len: usize,
    _body_ptr: *const u8,
    _body_len: usize,
    ret: *mut u8,
) {
    *ret = 1;
    *ret.add(4) = 3;
}

/// An HTTP request (`outbound-http.request`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// An absolute `http` or `https` URL; its origin (scheme, host and port) must be allowed.
    pub url: String,
    /// Request headers, one `name: value` per line (`\n`-separated); empty for none.
    pub headers: String,
    /// The request body as text; empty for none.
    pub body: String,
}

impl Request {
    /// A request with the given method and URL, no headers and no body.
    pub fn new(method: impl Into<String>, url: impl Into<String>) -> Self {
        Self { method: method.into(), url: url.into(), headers: String::new(), body: String::new() }
    }

    /// A `GET` of `url` without headers.
    pub fn get(url: impl Into<String>) -> Self {
        Self::new("GET", url)
    }
}

/// An HTTP response (`outbound-http.response`): any status, including 4xx and 5xx.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Response headers, one `name: value` per line.
    pub headers: String,
    /// The response body as UTF-8 text (the host replaced invalid bytes).
    pub body: String,
}

/// Why no response came back (`outbound-http.http-error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    /// The URL's origin is not on the component's allow-list; nothing was sent.
    Forbidden(String),
    /// The request is malformed or over a cap (method, URL, headers, body); nothing was sent.
    InvalidRequest(String),
    /// The call's deadline ran out before the response was read.
    Timeout,
    /// Name resolution, connection or TLS failed, or the response was over the host's cap.
    Failed(String),
}

impl HttpError {
    /// The WIT name of the case: `forbidden`, `invalid-request`, `timeout` or `failed`.
    pub fn case(&self) -> &'static str {
        match self {
            Self::Forbidden(_) => "forbidden",
            Self::InvalidRequest(_) => "invalid-request",
            Self::Timeout => "timeout",
            Self::Failed(_) => "failed",
        }
    }
}

/// `<case>: <reason>`, or `timeout`.
impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Forbidden(reason) | Self::InvalidRequest(reason) | Self::Failed(reason) => {
                write!(f, "{}: {reason}", self.case())
            }
            Self::Timeout => f.write_str(self.case()),
        }
    }
}

impl std::error::Error for HttpError {}

/// Sends `request` and returns the response, whatever its status.
pub fn fetch(request: &Request) -> Result<Response, HttpError> {
    let mut area = ImportReturnArea::new();
    unsafe {
        import_fetch(
            request.method.as_ptr(),
            request.method.len(),
            request.url.as_ptr(),
            request.url.len(),
            request.headers.as_ptr(),
            request.headers.len(),
            request.body.as_ptr(),
            request.body.len(),
            area.as_mut_ptr(),
        );
    }
    // result<response, http-error>: discriminant at 0, payload at 4 (both cases 4-aligned).
    // ok: response { status: u16 at 4, headers at 8, body at 16 };
    // err: http-error { case at 4, reason (if the case has one) at 8 }.
    if area.u8(0) == 0 {
        return Ok(Response { status: area.u16(4), headers: area.take_string(8), body: area.take_string(16) });
    }
    Err(match area.u8(4) {
        0 => HttpError::Forbidden(area.take_string(8)),
        1 => HttpError::InvalidRequest(area.take_string(8)),
        2 => HttpError::Timeout,
        3 => HttpError::Failed(area.take_string(8)),
        // A conforming host lifts only the four cases; anything else is a broken host, as a trap would be.
        _ => std::process::abort(),
    })
}
