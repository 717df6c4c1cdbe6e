;; key-value-late-import.wat — imports key-value after its first definition (a core module), a
;; valid order no standard toolchain writes. The host cannot wrap set for it (its imports are not
;; all at the start), so it refuses to run the component rather than lift set's value per byte.
;; Exports: run: func() -> result<_, string>   set("k", [1]) and its result.
(component
  (core module $libc-module
    (memory (export "mem") 1)
    (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 256)))
  (core instance $libc (instantiate $libc-module))
  (import "saas:extensibility/key-value@1.0.0" (instance $kv
    (export "set" (func (param "key" string) (param "value" (list u8)) (result (result (error string)))))))
  (core func $kv-set (canon lower (func $kv "set") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (core module $main-module
    (import "libc" "mem" (memory 1))
    (import "kv" "set" (func $set (param i32 i32 i32 i32 i32)))
    (data (i32.const 0) "k\01")
    (func (export "run") (result i32)
      (call $set (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 16))
      (i32.const 16)))
  (core instance $main (instantiate $main-module
    (with "libc" (instance $libc))
    (with "kv" (instance (export "set" (func $kv-set))))))
  (func (export "run") (result (result (error string)))
    (canon lift (core func $main "run") (memory (core memory $libc "mem"))))
)
