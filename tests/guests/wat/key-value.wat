;; key-value.wat — the key-value host import exposed as exports, so tests can drive any key and
;; value through it and see the host's answer.
;; Imports: saas:extensibility/key-value@1.0.0 { get, set }
;; Exports:
;;   put: func(key: string, value: list<u8>) -> result<_, string>   forwards to set and returns its
;;        result unchanged: an over-long key, an over-large value or a full component come back as err.
;;   get: func(key: string) -> option<list<u8>>                       forwards to get.
(component
  (import "saas:extensibility/key-value@1.0.0" (instance $kv
    (export "get" (func (param "key" string) (result (option (list u8)))))
    (export "set" (func (param "key" string) (param "value" (list u8)) (result (result (error string)))))
  ))

  ;; Memory and a bump allocator, instantiated first so the host functions can be lowered onto
  ;; them. Every call runs in a fresh instance, so the allocator is never reset.
  (core module $libc-module
    (memory (export "mem") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $new-size i32) (result i32)
      (local $p i32)
      (local.set $p
        (i32.and
          (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
          (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
      (global.set $bump (i32.add (local.get $p) (local.get $new-size)))
      (local.get $p)))
  (core instance $libc (instantiate $libc-module))

  (core func $kv-get (canon lower (func $kv "get") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (core func $kv-set (canon lower (func $kv "set") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))

  (core module $main-module
    (import "kv" "get" (func $get (param i32 i32 i32)))
    (import "kv" "set" (func $set (param i32 i32 i32 i32 i32)))
    ;; The host writes its result at 16 (discriminant, then a string or list as pointer and length),
    ;; which is exactly the return area of the lifted export.
    (func (export "put") (param $key i32) (param $key-len i32) (param $value i32) (param $value-len i32) (result i32)
      (call $set (local.get $key) (local.get $key-len) (local.get $value) (local.get $value-len) (i32.const 16))
      (i32.const 16))
    (func (export "get") (param $key i32) (param $key-len i32) (result i32)
      (call $get (local.get $key) (local.get $key-len) (i32.const 16))
      (i32.const 16)))
  (core instance $main (instantiate $main-module
    (with "kv" (instance (export "get" (func $kv-get)) (export "set" (func $kv-set))))))

  (func (export "put") (param "key" string) (param "value" (list u8)) (result (result (error string)))
    (canon lift (core func $main "put") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func (export "get") (param "key" string) (result (option (list u8)))
    (canon lift (core func $main "get") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
)
