;; host-import-flood.wat — passes a host import far more bytes than the host accepts, to measure
;; what the refusal costs the host (docs/security.md, HostAllocationTests).
;; Imports: saas:extensibility/key-value@1.0.0 { get, set, delete }, saas:extensibility/logging@1.0.0 { log },
;;          saas:extensibility/config@1.0.0 { get }
;; Exports (n: the number of bytes passed; memory grows to hold them, all zero):
;;   kv-set: func(n: u32) -> result<_, string>   set(key "k", value of n bytes)
;;   kv-key: func(n: u32) -> result<_, string>   set(key of n bytes, value of 1 byte)
;;   kv-get: func(n: u32)                        get(key of n bytes)
;;   kv-delete: func(n: u32)                     delete(key of n bytes)
;;   log: func(n: u32)                           log(info, message of n bytes)
;;   config: func(n: u32)                        config.get(key of n bytes)
(component
  (type $level (enum "trace" "debug" "info" "warn" "error"))
  (import "saas:extensibility/logging@1.0.0" (instance $logging
    (export "level" (type $l (eq $level)))
    (export "log" (func (param "level" $l) (param "message" string)))))
  (import "saas:extensibility/key-value@1.0.0" (instance $kv
    (export "get" (func (param "key" string) (result (option (list u8)))))
    (export "set" (func (param "key" string) (param "value" (list u8)) (result (result (error string)))))
    (export "delete" (func (param "key" string)))))
  (import "saas:extensibility/config@1.0.0" (instance $config
    (export "get" (func (param "key" string) (result (option string))))))

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
  (core func $kv-delete (canon lower (func $kv "delete") (memory (core memory $libc "mem"))))
  (core func $log (canon lower (func $logging "log") (memory (core memory $libc "mem"))))
  (core func $config-get (canon lower (func $config "get") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))

  (core module $main-module
    (import "libc" "mem" (memory 1))
    (import "host" "kv-get" (func $get (param i32 i32 i32)))
    (import "host" "kv-set" (func $set (param i32 i32 i32 i32 i32)))
    (import "host" "kv-delete" (func $delete (param i32 i32)))
    (import "host" "log" (func $log (param i32 i32 i32)))
    (import "host" "config-get" (func $config (param i32 i32 i32)))
    ;; Grows memory so [65536, 65536 + n) exists; the first page holds "k" at 0 and the return area at 16.
    (func $room (param $n i32) (result i32)
      (local $need i32)
      (i32.store8 (i32.const 0) (i32.const 107))
      (local.set $need (i32.sub (i32.add (i32.div_u (local.get $n) (i32.const 65536)) (i32.const 2)) (memory.size)))
      (if (i32.gt_s (local.get $need) (i32.const 0))
        (then (if (i32.eq (memory.grow (local.get $need)) (i32.const -1)) (then unreachable))))
      (i32.const 65536))
    (func (export "kv-set") (param $n i32) (result i32)
      (call $set (i32.const 0) (i32.const 1) (call $room (local.get $n)) (local.get $n) (i32.const 16))
      (i32.const 16))
    (func (export "kv-key") (param $n i32) (result i32)
      (call $set (call $room (local.get $n)) (local.get $n) (i32.const 0) (i32.const 1) (i32.const 16))
      (i32.const 16))
    (func (export "kv-get") (param $n i32)
      (call $get (call $room (local.get $n)) (local.get $n) (i32.const 16)))
    (func (export "kv-delete") (param $n i32)
      (call $delete (call $room (local.get $n)) (local.get $n)))
    (func (export "log") (param $n i32)
      (call $log (i32.const 2) (call $room (local.get $n)) (local.get $n)))
    (func (export "config") (param $n i32)
      (call $config (call $room (local.get $n)) (local.get $n) (i32.const 16))))
  (core instance $main (instantiate $main-module
    (with "libc" (instance $libc))
    (with "host" (instance
      (export "kv-get" (func $kv-get)) (export "kv-set" (func $kv-set)) (export "kv-delete" (func $kv-delete))
      (export "log" (func $log)) (export "config-get" (func $config-get))))))

  (func (export "kv-set") (param "n" u32) (result (result (error string)))
    (canon lift (core func $main "kv-set") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func (export "kv-key") (param "n" u32) (result (result (error string)))
    (canon lift (core func $main "kv-key") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func (export "kv-get") (param "n" u32) (canon lift (core func $main "kv-get")))
  (func (export "kv-delete") (param "n" u32) (canon lift (core func $main "kv-delete")))
  (func (export "log") (param "n" u32) (canon lift (core func $main "log")))
  (func (export "config") (param "n" u32) (canon lift (core func $main "config")))
)
