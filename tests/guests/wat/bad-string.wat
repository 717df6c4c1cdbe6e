;; bad-string.wat — proves the host validates guest-returned strings against guest memory
;; instead of trusting (or allocating) the length the guest claims.
;; Export: get: func() -> string  — returns ptr=16, len=0x7fff0000 (~2 GiB) while the
;; memory is a single 64 KiB page.
;; Expected: trap `string pointer/length out of bounds of memory`; no 2 GiB allocation.
(component
  (core module $m
    (memory (export "mem") 1)
    ;; Return area for the lifted string: (ptr: i32, len: i32) at offset 8.
    (data (i32.const 8) "\10\00\00\00\00\00\ff\7f")
    (func (export "get") (result i32)
      (i32.const 8)))
  (core instance $i (instantiate $m))
  (func (export "get") (result string)
    (canon lift (core func $i "get") (memory (core memory $i "mem")))))
