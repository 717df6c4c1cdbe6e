//go:build saas_v1_1

package extensibility

import "unsafe"

// The host's imports as saas:extensibility@1.1.0 names them (build tag saas_v1_1).

//go:wasmimport saas:extensibility/logging@1.1.0 log
func importLog(level uint32, ptr unsafe.Pointer, length uint32)

//go:wasmimport saas:extensibility/key-value@1.1.0 get
func importKeyValueGet(keyPtr unsafe.Pointer, keyLength uint32, ret unsafe.Pointer)

//go:wasmimport saas:extensibility/key-value@1.1.0 set
func importKeyValueSet(keyPtr unsafe.Pointer, keyLength uint32, valuePtr unsafe.Pointer, valueLength uint32, ret unsafe.Pointer)

//go:wasmimport saas:extensibility/key-value@1.1.0 delete
func importKeyValueDelete(keyPtr unsafe.Pointer, keyLength uint32)

//go:wasmimport saas:extensibility/config@1.1.0 get
func importConfigGet(keyPtr unsafe.Pointer, keyLength uint32, ret unsafe.Pointer)

// The request record flattened (four strings); the result does not fit one core value, so the
// host writes it into the return area ret.
//
//go:wasmimport saas:extensibility/outbound-http@1.1.0 fetch
func importFetch(methodPtr unsafe.Pointer, methodLength uint32, urlPtr unsafe.Pointer, urlLength uint32,
	headersPtr unsafe.Pointer, headersLength uint32, bodyPtr unsafe.Pointer, bodyLength uint32, ret unsafe.Pointer)
