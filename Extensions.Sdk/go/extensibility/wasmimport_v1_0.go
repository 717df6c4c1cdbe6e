//go:build !saas_v1_1

package extensibility

import "unsafe"

// The host's imports as saas:extensibility@1.0.0 names them (the default; the build tag
// saas_v1_1 selects wasmimport_v1_1.go instead).

//go:wasmimport saas:extensibility/logging@1.0.0 log
func importLog(level uint32, ptr unsafe.Pointer, length uint32)

//go:wasmimport saas:extensibility/key-value@1.0.0 get
func importKeyValueGet(keyPtr unsafe.Pointer, keyLength uint32, ret unsafe.Pointer)

//go:wasmimport saas:extensibility/key-value@1.0.0 set
func importKeyValueSet(keyPtr unsafe.Pointer, keyLength uint32, valuePtr unsafe.Pointer, valueLength uint32, ret unsafe.Pointer)

//go:wasmimport saas:extensibility/key-value@1.0.0 delete
func importKeyValueDelete(keyPtr unsafe.Pointer, keyLength uint32)

//go:wasmimport saas:extensibility/config@1.0.0 get
func importConfigGet(keyPtr unsafe.Pointer, keyLength uint32, ret unsafe.Pointer)
