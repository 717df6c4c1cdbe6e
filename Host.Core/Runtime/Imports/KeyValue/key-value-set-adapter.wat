;; key-value-set-adapter.wat — embedded in Host.Core; KeyValueSetLowering instantiates it between a
;; guest and the host's key-value `set` (see that class for why).
;;
;; Imports the host's set as (key: string, value: string) and exports set as the guest declares it,
;; (key: string, value: list<u8>). Wasmtime's fused adapter copies the guest's key and value into
;; this component's memory through `realloc`, which keeps every allocation 2-aligned (as the
;; latin1+utf16 encoding requires) and grows the memory as needed (the call's memory limit applies;
;; past it the call traps). The host's set is lowered with string-encoding=latin1+utf16, so the
;; bytes reach it as one character each. The result (at address 0: discriminant, then the error
;; string's pointer and length) goes back to the guest unchanged. `reset` (post-return) frees
;; everything after each call, so a guest calling set in a loop does not grow this memory.
(component
  (import "set" (func $host-set (param "key" string) (param "value" string) (result (result (error string)))))

  (core module $heap-module
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 16))
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $start i32)
      (local $end i32)
      (local $have i32)
      (if (i32.lt_u (local.get $align) (i32.const 2)) (then (local.set $align (i32.const 2))))
      (local.set $start
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
          (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
      (local.set $end (i32.add (local.get $start) (local.get $size)))
      (if (i32.lt_u (local.get $end) (local.get $start)) (then unreachable))
      (local.set $have (i32.shl (memory.size) (i32.const 16)))
      (if (i32.gt_u (local.get $end) (local.get $have))
        (then
          (if (i32.eq
                (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535)) (i32.const 16)))
                (i32.const -1))
            (then unreachable))))
      (global.set $next (local.get $end))
      (local.get $start))
    (func (export "reset") (param i32)
      (global.set $next (i32.const 16))))
  (core instance $heap (instantiate $heap-module))

  (core func $set-lowered (canon lower (func $host-set)
    (memory (core memory $heap "memory")) (realloc (core func $heap "realloc")) string-encoding=latin1+utf16))

  (core module $set-module
    (import "host" "set" (func $set (param i32 i32 i32 i32 i32)))
    (func (export "set") (param $key i32) (param $key-len i32) (param $value i32) (param $value-len i32) (result i32)
      (call $set (local.get $key) (local.get $key-len) (local.get $value) (local.get $value-len) (i32.const 0))
      (i32.const 0)))
  (core instance $set-instance (instantiate $set-module (with "host" (instance (export "set" (func $set-lowered))))))

  (func (export "set") (param "key" string) (param "value" (list u8)) (result (result (error string)))
    (canon lift (core func $set-instance "set")
      (memory (core memory $heap "memory")) (realloc (core func $heap "realloc")) (post-return (core func $heap "reset"))))
)
