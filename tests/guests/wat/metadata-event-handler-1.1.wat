;; metadata-event-handler-1.1.wat — a saas:extensibility@1.1.0 event handler that answers with the
;; event's metadata, so a test sees what a 1.1 handler is given (the same host serves 1.0 handlers
;; the event without it).
;;
;; Export: saas:extensibility/event-handler@1.1.0 { handle: func(event: event) -> result<decision, failure> }
;;         (1.1's event: 1.0's fields, then metadata: event-metadata { correlation-id: string, depth: u32 })
;; Imports: none.
;; Behaviour: returns ok(veto(<metadata.correlation-id>)) for an event of depth 0 and
;;            err(failure { code: "deep", message: <metadata.correlation-id> }) for a deeper one.
(component
  (core module $main
    (memory (export "memory") 1)
    (global $heap (mut i32) (i32.const 1024))
    ;; Bump allocator for the event's strings; reset after every call by post-return.
    (func (export "cabi_realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
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
    ;; handle(id, event-type, tenant-id (ptr/len each), occurred-at, payload ptr/len,
    ;;        metadata.correlation-id ptr/len, metadata.depth): 12 flat parameters.
    ;; -> the return area of result<decision, failure> at 16. Depth 0: byte 16 = 0 (ok), byte 20 =
    ;; 1 (veto), 24/28 = the correlation id. Deeper: byte 16 = 1 (err), 20/24 = "deep" (at 8),
    ;; 28/32 = the correlation id. The id stays in memory until post-return.
    (data (i32.const 8) "deep")
    (func (export "handle")
      (param i32 i32 i32 i32 i32 i32 i64 i32 i32)
      (param $correlation i32) (param $correlation-len i32) (param $depth i32)
      (result i32)
      (if (i32.eqz (local.get $depth))
        (then
          (i32.store8 (i32.const 16) (i32.const 0))
          (i32.store8 (i32.const 20) (i32.const 1))
          (i32.store (i32.const 24) (local.get $correlation))
          (i32.store (i32.const 28) (local.get $correlation-len)))
        (else
          (i32.store8 (i32.const 16) (i32.const 1))
          (i32.store (i32.const 20) (i32.const 8))
          (i32.store (i32.const 24) (i32.const 4))
          (i32.store (i32.const 28) (local.get $correlation))
          (i32.store (i32.const 32) (local.get $correlation-len))))
      (i32.const 16))
    (func (export "handle-post-return") (param i32)
      (global.set $heap (i32.const 1024))))
  (core instance $main-instance (instantiate $main))
  (alias core export $main-instance "memory" (core memory $memory))

  ;; --- export: saas:extensibility/event-handler@1.1.0 ----------------------------------------
  (type $metadata (record (field "correlation-id" string) (field "depth" u32)))
  (type $event (record
    (field "id" string)
    (field "event-type" string)
    (field "tenant-id" string)
    (field "occurred-at" u64)
    (field "payload" string)
    (field "metadata" $metadata)))
  (type $decision (variant (case "proceed") (case "veto" string) (case "replace" string)))
  (type $failure (record (field "code" string) (field "message" string)))
  (type $handle-type (func (param "event" $event) (result (result $decision (error $failure)))))
  (func $handle (type $handle-type)
    (canon lift (core func $main-instance "handle")
      (memory (core memory $memory))
      (realloc (core func $main-instance "cabi_realloc"))
      (post-return (core func $main-instance "handle-post-return"))))

  ;; Re-exports the function with its types exported under their WIT names.
  (component $event-handler-shim
    (type $metadata-def (record (field "correlation-id" string) (field "depth" u32)))
    (import "import-type-event-metadata" (type $metadata-in (eq $metadata-def)))
    (type $event-def (record
      (field "id" string)
      (field "event-type" string)
      (field "tenant-id" string)
      (field "occurred-at" u64)
      (field "payload" string)
      (field "metadata" $metadata-in)))
    (import "import-type-event" (type $event-in (eq $event-def)))
    (type $decision-def (variant (case "proceed") (case "veto" string) (case "replace" string)))
    (import "import-type-decision" (type $decision-in (eq $decision-def)))
    (type $failure-def (record (field "code" string) (field "message" string)))
    (import "import-type-failure" (type $failure-in (eq $failure-def)))
    (type $handle-in-type (func (param "event" $event-in) (result (result $decision-in (error $failure-in)))))
    (import "import-func-handle" (func $handle-in (type $handle-in-type)))
    (export $metadata-out "event-metadata" (type $metadata-in))
    (type $event-out-def (record
      (field "id" string)
      (field "event-type" string)
      (field "tenant-id" string)
      (field "occurred-at" u64)
      (field "payload" string)
      (field "metadata" $metadata-out)))
    (export $event-out "event" (type $event-out-def))
    (export $decision-out "decision" (type $decision-in))
    (export $failure-out "failure" (type $failure-in))
    (type $handle-out-type (func (param "event" $event-out) (result (result $decision-out (error $failure-out)))))
    (export "handle" (func $handle-in) (func (type $handle-out-type))))
  (instance $event-handler (instantiate $event-handler-shim
    (with "import-func-handle" (func $handle))
    (with "import-type-event-metadata" (type $metadata))
    (with "import-type-event" (type $event))
    (with "import-type-decision" (type $decision))
    (with "import-type-failure" (type $failure))))
  (export "saas:extensibility/event-handler@1.1.0" (instance $event-handler)))
