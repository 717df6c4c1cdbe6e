;; host-imports.wat — proves the key-value and config host imports are scoped to the running
;; tenant and component, and that a faulting host import is reported as a host error.
;; Imports: saas:extensibility/key-value@1.0.0 { get, set }, saas:extensibility/config@1.0.0 { get }
;; Exports:
;;   bump: func() -> u32                 reads key "n" (one byte), adds 1 (1 when absent), stores it
;;                                       back and returns it: 1, 2, 3… per tenant and component.
;;   greeting: func() -> option<string>  config.get("greeting").
;;   explode: func() -> option<string>   config.get("explode"); the test's config source throws on it.
(component
  (import "saas:extensibility/key-value@1.0.0" (instance $kv
    (export "get" (func (param "key" string) (result (option (list u8)))))
    (export "set" (func (param "key" string) (param "value" (list u8)) (result (result (error string)))))
  ))
  (import "saas:extensibility/config@1.0.0" (instance $config
    (export "get" (func (param "key" string) (result (option string))))
  ))

  ;; Memory and a bump allocator, instantiated first so the host functions can be lowered onto them.
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
  (core func $config-get (canon lower (func $config "get") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))

  (core module $main-module
    (import "libc" "mem" (memory 1))
    (import "kv" "get" (func $get (param i32 i32 i32)))
    (import "kv" "set" (func $set (param i32 i32 i32 i32 i32)))
    (import "config" "get" (func $config-get (param i32 i32 i32)))
    (data (i32.const 0) "n")
    (data (i32.const 8) "greeting")
    (data (i32.const 24) "explode")
    (func (export "bump") (result i32)
      (local $v i32)
      ;; get("n") writes option<list<u8>> at 16: discriminant, then list pointer and length.
      (call $get (i32.const 0) (i32.const 1) (i32.const 16))
      (if (i32.eq (i32.load8_u (i32.const 16)) (i32.const 1))
        (then (local.set $v (i32.add (i32.load8_u (i32.load (i32.const 20))) (i32.const 1))))
        (else (local.set $v (i32.const 1))))
      (i32.store8 (i32.const 32) (local.get $v))
      (call $set (i32.const 0) (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 48))
      (local.get $v))
    (func (export "greeting") (result i32)
      (call $config-get (i32.const 8) (i32.const 8) (i32.const 64))
      (i32.const 64))
    (func (export "explode") (result i32)
      (call $config-get (i32.const 24) (i32.const 7) (i32.const 64))
      (i32.const 64)))
  (core instance $main (instantiate $main-module
    (with "libc" (instance $libc))
    (with "kv" (instance (export "get" (func $kv-get)) (export "set" (func $kv-set))))
    (with "config" (instance (export "get" (func $config-get))))))

  (func (export "bump") (result u32) (canon lift (core func $main "bump")))
  (func (export "greeting") (result (option string))
    (canon lift (core func $main "greeting") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func (export "explode") (result (option string))
    (canon lift (core func $main "explode") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
)
