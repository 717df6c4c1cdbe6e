;; point-echo.wat — world saas:extensibility/point-extension@1.0.0, written by hand: the generic
;; extension point's guest for the extension point tests.
;;
;; Export: saas:extensibility/extension-point@1.0.0 { invoke: func(point: string, input: string) -> result<string, failure> }
;; Import: saas:extensibility/logging@1.0.0 { log: func(level: level, message: string) }
;; Behaviour: logs `point-echo: <point>` at info, then by input (JSON text, compared byte for byte):
;;   "loop"      (the JSON string, quotes included) -> loops forever: stopped at its deadline (timeout)
;;   "fail"      -> err(failure { code: "echo-fail", message: "asked to fail" })   (guest-error)
;;   "trap"      -> unreachable                                                    (trap)
;;   "not-json"  -> ok("not json"), an output that is not JSON
;;   otherwise   -> ok(input): echoes the input
;;
;; Layout as in event-handler.wat: the export's types are named by a small shim component.
(component
  ;; --- import: saas:extensibility/logging@1.0.0 ---------------------------------------------
  (import "saas:extensibility/logging@1.0.0" (instance $logging
    (type $level-def (enum "trace" "debug" "info" "warn" "error"))
    (export "level" (type $level (eq $level-def)))
    (type $log-type (func (param "level" $level) (param "message" string)))
    (export "log" (func (type $log-type)))))
  (alias export $logging "log" (func $log))

  ;; --- core wasm -----------------------------------------------------------------------------
  (core module $memory-module
    (memory (export "memory") 1))
  (core instance $memory-instance (instantiate $memory-module))
  (alias core export $memory-instance "memory" (core memory $memory))
  (core func $log-lowered (canon lower (func $log) (memory (core memory $memory))))
  (core instance $env
    (export "memory" (memory $memory))
    (export "log" (func $log-lowered)))

  (core module $main
    (import "env" "memory" (memory 1))
    ;; log(level: i32 enum index, message ptr, message len)
    (import "env" "log" (func $log (param i32 i32 i32)))
    (data (i32.const 64) "\"loop\"")
    (data (i32.const 72) "\"fail\"")
    (data (i32.const 80) "\"trap\"")
    (data (i32.const 88) "\"not-json\"")
    (data (i32.const 104) "echo-fail")
    (data (i32.const 120) "asked to fail")
    (data (i32.const 136) "not json")
    (data (i32.const 160) "point-echo: ")
    (global $heap (mut i32) (i32.const 1024))
    ;; Bump allocator for the arguments and the log line; reset after every call by post-return.
    (func $realloc (export "cabi_realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $ptr i32)
      (local $end i32)
      (local.set $ptr
        (i32.and
          (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
          (i32.sub (i32.const 0) (local.get $align))))
      (local.set $end (i32.add (local.get $ptr) (local.get $size)))
      (block $fits
        (loop $grow
          (br_if $fits (i32.le_u (local.get $end) (i32.mul (memory.size) (i32.const 65536))))
          (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1))
            (then (unreachable)))
          (br $grow)))
      (global.set $heap (local.get $end))
      (if (i32.ne (local.get $old) (i32.const 0))
        (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old-size))))
      (local.get $ptr))
    ;; Whether the n bytes at p equal the m bytes at q.
    (func $equals (param $p i32) (param $n i32) (param $q i32) (param $m i32) (result i32)
      (local $i i32)
      (if (i32.ne (local.get $n) (local.get $m))
        (then (return (i32.const 0))))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (if (i32.ne
                (i32.load8_u (i32.add (local.get $p) (local.get $i)))
                (i32.load8_u (i32.add (local.get $q) (local.get $i))))
            (then (return (i32.const 0))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (i32.const 1))
    ;; invoke(point ptr/len, input ptr/len) -> pointer to the 20-byte return area of
    ;; result<string, failure> at 16: byte 16 = 0 (ok) with the string at 20/24, or 1 (err) with
    ;; failure.code at 20/24 and failure.message at 28/32.
    (func (export "invoke") (param $point i32) (param $point-len i32) (param $input i32) (param $input-len i32) (result i32)
      (local $message i32)
      (local.set $message (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (i32.add (i32.const 12) (local.get $point-len))))
      (memory.copy (local.get $message) (i32.const 160) (i32.const 12))
      (memory.copy (i32.add (local.get $message) (i32.const 12)) (local.get $point) (local.get $point-len))
      (call $log (i32.const 2) (local.get $message) (i32.add (i32.const 12) (local.get $point-len)))
      (if (call $equals (local.get $input) (local.get $input-len) (i32.const 64) (i32.const 6))
        (then (loop $forever (br $forever))))
      (if (call $equals (local.get $input) (local.get $input-len) (i32.const 80) (i32.const 6))
        (then (unreachable)))
      (if (call $equals (local.get $input) (local.get $input-len) (i32.const 72) (i32.const 6))
        (then
          (i32.store8 (i32.const 16) (i32.const 1))
          (i32.store (i32.const 20) (i32.const 104))
          (i32.store (i32.const 24) (i32.const 9))
          (i32.store (i32.const 28) (i32.const 120))
          (i32.store (i32.const 32) (i32.const 13))
          (return (i32.const 16))))
      (i32.store8 (i32.const 16) (i32.const 0))
      (if (call $equals (local.get $input) (local.get $input-len) (i32.const 88) (i32.const 10))
        (then
          (i32.store (i32.const 20) (i32.const 136))
          (i32.store (i32.const 24) (i32.const 8)))
        (else
          (i32.store (i32.const 20) (local.get $input))
          (i32.store (i32.const 24) (local.get $input-len))))
      (i32.const 16))
    (func (export "invoke-post-return") (param i32)
      (global.set $heap (i32.const 1024))))
  (core instance $main-instance (instantiate $main (with "env" (instance $env))))

  ;; --- export: saas:extensibility/extension-point@1.0.0 --------------------------------------
  (type $failure (record (field "code" string) (field "message" string)))
  (type $invoke-type (func (param "point" string) (param "input" string) (result (result string (error $failure)))))
  (func $invoke (type $invoke-type)
    (canon lift (core func $main-instance "invoke")
      (memory (core memory $memory))
      (realloc (core func $main-instance "cabi_realloc"))
      (post-return (core func $main-instance "invoke-post-return"))))

  ;; Re-exports the function with its type exported under its WIT name.
  (component $extension-point-shim
    (type $failure-def (record (field "code" string) (field "message" string)))
    (import "import-type-failure" (type $failure-in (eq $failure-def)))
    (type $invoke-in-type (func (param "point" string) (param "input" string) (result (result string (error $failure-in)))))
    (import "import-func-invoke" (func $invoke-in (type $invoke-in-type)))
    (export $failure-out "failure" (type $failure-in))
    (type $invoke-out-type (func (param "point" string) (param "input" string) (result (result string (error $failure-out)))))
    (export "invoke" (func $invoke-in) (func (type $invoke-out-type))))
  (instance $extension-point (instantiate $extension-point-shim
    (with "import-func-invoke" (func $invoke))
    (with "import-type-failure" (type $failure))))
  (export "saas:extensibility/extension-point@1.0.0" (instance $extension-point)))
