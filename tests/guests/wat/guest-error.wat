;; guest-error.wat — proves a WIT `err` from the guest is a value (outcome `guest-error`),
;; distinct from a trap.
;; Export: check: func(n: u32) -> result<u32, string>
;;   even n -> ok(n);  odd n -> err("odd").
(component
  (core module $m
    (memory (export "mem") 1)
    (data (i32.const 64) "odd")
    ;; Return area (12 bytes at offset 16): discriminant u8 at +0, payload at +4:
    ;; ok: u32; err: string as (ptr, len).
    (func (export "check") (param $n i32) (result i32)
      (if (i32.and (local.get $n) (i32.const 1))
        (then
          (i32.store8 (i32.const 16) (i32.const 1))
          (i32.store (i32.const 20) (i32.const 64))
          (i32.store (i32.const 24) (i32.const 3)))
        (else
          (i32.store8 (i32.const 16) (i32.const 0))
          (i32.store (i32.const 20) (local.get $n))))
      (i32.const 16)))
  (core instance $i (instantiate $m))
  (func (export "check") (param "n" u32) (result (result u32 (error string)))
    (canon lift (core func $i "check") (memory (core memory $i "mem")))))
