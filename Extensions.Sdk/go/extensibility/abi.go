package extensibility

import "unsafe"

// The canonical ABI, written out: what wit-bindgen would generate.
//
// Arguments and import results arrive in blocks the host allocated with cabi_export_realloc;
// they are Go byte slices held in `allocated` until the guest has copied them out, so the
// garbage collector (which never moves objects on wasm) keeps them. Results go into a static
// return area; the strings it points at are held in `lent` until the post-return function.

var (
	allocated = map[uintptr][]byte{}
	lent      [][]byte
	// The return area of an export: a discriminant and up to two strings (pointer, length).
	returnArea [5]uint32
)

// importReturnArea is where an import with an option or result return writes: (discriminant,
// pointer, length) for an option or result of a string or list; 24 bytes for the largest,
// outbound-http's result<response, http-error> (1.1).
type importReturnArea [6]uint32

func (r *importReturnArea) discriminant() uint8 { return uint8(r[0] & 0xff) }

// cabiExportRealloc is the allocator the host uses to copy the arguments of an export into this
// component's memory, and cabiImportRealloc the one for the results of an import. They are not
// exported as cabi_realloc: the WASI adapter would call a cabi_realloc while Go's runtime is
// still starting, which faults.
//
//go:wasmexport cabi_export_realloc
func cabiExportRealloc(old uint32, oldSize uint32, align uint32, newSize uint32) uint32 {
	return reallocate(old, oldSize, align, newSize)
}

//go:wasmexport cabi_import_realloc
func cabiImportRealloc(old uint32, oldSize uint32, align uint32, newSize uint32) uint32 {
	return reallocate(old, oldSize, align, newSize)
}

func reallocate(old uint32, oldSize uint32, align uint32, newSize uint32) uint32 {
	if newSize == 0 {
		release(old)
		return align
	}
	// Go's allocator aligns blocks of 8 bytes or more to 8; over-allocate for larger alignments.
	block := make([]byte, newSize+align)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	aligned := (start + uintptr(align) - 1) &^ (uintptr(align) - 1)
	block = block[aligned-start : aligned-start+uintptr(newSize)]
	if old != 0 {
		if previous, ok := allocated[uintptr(old)]; ok {
			copy(block, previous[:min(oldSize, uint32(len(previous)))])
		}
		release(old)
	}
	allocated[aligned] = block
	return uint32(aligned)
}

func release(pointer uint32) { delete(allocated, uintptr(pointer)) }

// takeBytes copies out a block the host allocated and releases it.
func takeBytes(pointer, length uint32) []byte {
	if length == 0 {
		release(pointer)
		return []byte{}
	}
	block, ok := allocated[uintptr(pointer)]
	if !ok || uint32(len(block)) < length {
		panic("extensibility: the host passed a block it did not allocate")
	}
	release(pointer)
	return append([]byte(nil), block[:length]...)
}

// TakeString copies out a string argument the host allocated. For the export sub-packages.
func TakeString(pointer, length uint32) string { return string(takeBytes(pointer, length)) }

func lend(slot int, text string) {
	bytes := []byte(text)
	lent = append(lent, bytes)
	returnArea[slot] = uint32(uintptr(unsafe.Pointer(unsafe.SliceData(bytes))))
	returnArea[slot+1] = uint32(len(bytes))
}

func resultArea() uint32 { return uint32(uintptr(unsafe.Pointer(&returnArea))) }

// ReturnDecision writes result<decision, failure> for an event handler and returns the return area.
func ReturnDecision(decision Decision, err error) uint32 {
	returnArea = [5]uint32{}
	if err != nil {
		writeFailure(err)
		return resultArea()
	}
	returnArea[1] = uint32(decision.Kind)
	if decision.Kind != KindProceed {
		lend(2, decision.Text)
	}
	return resultArea()
}

// ReturnOutput writes result<string, failure> for an extension point and returns the return area.
func ReturnOutput(output string, err error) uint32 {
	returnArea = [5]uint32{}
	if err != nil {
		writeFailure(err)
		return resultArea()
	}
	lend(1, output)
	return resultArea()
}

func writeFailure(err error) {
	failure, ok := err.(*Failure)
	if !ok {
		failure = &Failure{Code: "error", Message: err.Error()}
	}
	returnArea[0] = 1
	lend(1, failure.Code)
	lend(3, failure.Message)
}

// PostReturn frees what the last export lent the host.
func PostReturn() { lent = nil }
