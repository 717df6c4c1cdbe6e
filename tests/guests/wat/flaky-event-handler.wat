;; flaky-event-handler.wat — an event handler that traps on the first two deliveries of each event
;; and succeeds from the third, deterministically: it counts attempts per event id in the host's
;; key-value store (scoped to its tenant and component), so retries of one event see the count grow
;; while other events start again at zero.
;;
;; Export: saas:extensibility/event-handler@1.0.0 { handle: func(event: event) -> result<decision, failure> }
;; Import: saas:extensibility/key-value@1.0.0 { get, set }
;; Behaviour: n = key-value[event.id] (one byte, 0 when absent) + 1; stores n under event.id;
;; n <= 2 → `unreachable` trap; otherwise ok(proceed). The count is written before the trap, so it
;; survives the failed attempt.
(component
  (import "saas:extensibility/key-value@1.0.0" (instance $kv
    (export "get" (func (param "key" string) (result (option (list u8)))))
    (export "set" (func (param "key" string) (param "value" (list u8)) (result (result (error string)))))))

  ;; Memory and a bump allocator, instantiated first so the imports can be lowered onto them;
  ;; `reset` frees everything after a call (post-return).
  (core module $libc-module
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 1024))
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
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
    (func (export "reset")
      (global.set $heap (i32.const 1024))))
  (core instance $libc (instantiate $libc-module))

  (core func $kv-get (canon lower (func $kv "get") (memory (core memory $libc "memory")) (realloc (core func $libc "realloc"))))
  (core func $kv-set (canon lower (func $kv "set") (memory (core memory $libc "memory")) (realloc (core func $libc "realloc"))))

  (core module $main-module
    (import "libc" "memory" (memory 1))
    (import "libc" "reset" (func $reset))
    (import "kv" "get" (func $get (param i32 i32 i32)))
    (import "kv" "set" (func $set (param i32 i32 i32 i32 i32)))
    ;; handle(id ptr/len, event-type ptr/len, tenant-id ptr/len, occurred-at, payload ptr/len)
    ;; Scratch: 48 = get's option<list<u8>> (discriminant, list ptr, list len); 64 = the stored byte;
    ;; 72 = set's result; 16 = the 20-byte return area of result<decision, failure>.
    (func (export "handle") (param $id i32) (param $id-len i32) (param i32 i32 i32 i32 i64 i32 i32) (result i32)
      (local $n i32)
      (call $get (local.get $id) (local.get $id-len) (i32.const 48))
      (if (i32.eq (i32.load8_u (i32.const 48)) (i32.const 1))
        (then (local.set $n (i32.add (i32.load8_u (i32.load (i32.const 52))) (i32.const 1))))
        (else (local.set $n (i32.const 1))))
      (i32.store8 (i32.const 64) (local.get $n))
      (call $set (local.get $id) (local.get $id-len) (i32.const 64) (i32.const 1) (i32.const 72))
      (if (i32.le_u (local.get $n) (i32.const 2))
        (then (unreachable)))
      (i32.store8 (i32.const 16) (i32.const 0))
      (i32.store8 (i32.const 20) (i32.const 0))
      (i32.const 16))
    (func (export "handle-post-return") (param i32)
      (call $reset)))
  (core instance $main (instantiate $main-module
    (with "libc" (instance $libc))
    (with "kv" (instance (export "get" (func $kv-get)) (export "set" (func $kv-set))))))

  ;; --- export: saas:extensibility/event-handler@1.0.0, types named as wit-component does ------
  (type $event (record
    (field "id" string)
    (field "event-type" string)
    (field "tenant-id" string)
    (field "occurred-at" u64)
    (field "payload" string)))
  (type $decision (variant (case "proceed") (case "veto" string) (case "replace" string)))
  (type $failure (record (field "code" string) (field "message" string)))
  (type $handle-type (func (param "event" $event) (result (result $decision (error $failure)))))
  (func $handle (type $handle-type)
    (canon lift (core func $main "handle")
      (memory (core memory $libc "memory"))
      (realloc (core func $libc "realloc"))
      (post-return (core func $main "handle-post-return"))))

  (component $event-handler-shim
    (type $event-def (record
      (field "id" string)
      (field "event-type" string)
      (field "tenant-id" string)
      (field "occurred-at" u64)
      (field "payload" string)))
    (import "import-type-event" (type $event-in (eq $event-def)))
    (type $decision-def (variant (case "proceed") (case "veto" string) (case "replace" string)))
    (import "import-type-decision" (type $decision-in (eq $decision-def)))
    (type $failure-def (record (field "code" string) (field "message" string)))
    (import "import-type-failure" (type $failure-in (eq $failure-def)))
    (type $handle-in-type (func (param "event" $event-in) (result (result $decision-in (error $failure-in)))))
    (import "import-func-handle" (func $handle-in (type $handle-in-type)))
    (export $event-out "event" (type $event-in))
    (export $decision-out "decision" (type $decision-in))
    (export $failure-out "failure" (type $failure-in))
    (type $handle-out-type (func (param "event" $event-out) (result (result $decision-out (error $failure-out)))))
    (export "handle" (func $handle-in) (func (type $handle-out-type))))
  (instance $event-handler (instantiate $event-handler-shim
    (with "import-func-handle" (func $handle))
    (with "import-type-event" (type $event))
    (with "import-type-decision" (type $decision))
    (with "import-type-failure" (type $failure))))
  (export "saas:extensibility/event-handler@1.0.0" (instance $event-handler)))
