//go:build saas_v1_1

package extensibility

import "unsafe"

// HTTPRequest is an HTTP request (saas:extensibility/outbound-http.request, new in 1.1).
type HTTPRequest struct {
	// Method is GET, HEAD, POST, PUT, PATCH or DELETE.
	Method string
	// URL is an absolute http or https URL; its origin (scheme, host and port) must be allowed.
	URL string
	// Headers holds one "name: value" per line ("\n"-separated); empty for none.
	Headers string
	// Body is the request body as text; empty for none.
	Body string
}

// HTTPResponse is an HTTP response (outbound-http.response): any status, including 4xx and 5xx.
type HTTPResponse struct {
	// Status is the status code.
	Status uint16
	// Headers holds one "name: value" per line.
	Headers string
	// Body is the response body as UTF-8 text (the host replaced invalid bytes).
	Body string
}

// HTTPErrorCase says why no response came back (the cases of outbound-http.http-error, in order).
type HTTPErrorCase uint8

const (
	// HTTPForbidden: the URL's origin is not on the component's allow-list; nothing was sent.
	HTTPForbidden HTTPErrorCase = iota
	// HTTPInvalidRequest: the request is malformed or over a cap; nothing was sent.
	HTTPInvalidRequest
	// HTTPTimeout: the call's deadline ran out before the response was read.
	HTTPTimeout
	// HTTPFailed: name resolution, connection or TLS failed, or the response was over the host's cap.
	HTTPFailed
)

// String returns the WIT name of the case: forbidden, invalid-request, timeout or failed.
func (c HTTPErrorCase) String() string {
	switch c {
	case HTTPForbidden:
		return "forbidden"
	case HTTPInvalidRequest:
		return "invalid-request"
	case HTTPTimeout:
		return "timeout"
	default:
		return "failed"
	}
}

// HTTPError is the error Fetch returns when no response came back (outbound-http.http-error).
type HTTPError struct {
	// Case says why.
	Case HTTPErrorCase
	// Reason is the host's explanation; empty for HTTPTimeout.
	Reason string
}

// Error returns "<case>: <reason>", or "timeout".
func (e *HTTPError) Error() string {
	if e.Case == HTTPTimeout {
		return e.Case.String()
	}
	return e.Case.String() + ": " + e.Reason
}

// Fetch sends request to an origin an admin allowed for this component and returns the
// response, whatever its status. When none came back the error is an *HTTPError. Every request
// counts against the call's deadline.
func Fetch(request HTTPRequest) (HTTPResponse, error) {
	var ret importReturnArea
	importFetch(unsafe.Pointer(unsafe.StringData(request.Method)), uint32(len(request.Method)),
		unsafe.Pointer(unsafe.StringData(request.URL)), uint32(len(request.URL)),
		unsafe.Pointer(unsafe.StringData(request.Headers)), uint32(len(request.Headers)),
		unsafe.Pointer(unsafe.StringData(request.Body)), uint32(len(request.Body)),
		unsafe.Pointer(&ret))
	// result<response, http-error>: discriminant at byte 0, payload at byte 4.
	// ok: response { status: u16 at 4, headers at 8, body at 16 };
	// err: http-error { case at 4, reason (if the case has one) at 8 }.
	if ret.discriminant() == 0 {
		return HTTPResponse{
			Status:  uint16(ret[1] & 0xffff),
			Headers: string(takeBytes(ret[2], ret[3])),
			Body:    string(takeBytes(ret[4], ret[5])),
		}, nil
	}
	httpError := &HTTPError{Case: HTTPErrorCase(ret[1] & 0xff)}
	switch httpError.Case {
	case HTTPForbidden, HTTPInvalidRequest, HTTPFailed:
		httpError.Reason = string(takeBytes(ret[2], ret[3]))
	case HTTPTimeout:
	default:
		panic("extensibility: the host returned an http-error case that does not exist")
	}
	return HTTPResponse{}, httpError
}
