;; point-bomb.wat — world saas:extensibility/point-extension@1.0.0, written by hand: a memory bomb
;; behind the generic extension point, the noisy tenant's guest of the noisy-neighbour test.
;;
;; Export: saas:extensibility/extension-point@1.0.0 { invoke: func(point: string, input: string) -> result<string, failure> }
;; No imports.
;; Memory: 32 pages (2 MiB) at start, no maximum.
;; Behaviour, whatever the input: grows memory one 64 KiB page at a time and fills each new page
;; (so it is really committed, not only reserved), until memory.grow returns -1; then executes
;; `unreachable`, as a toolchain's allocator aborts when it cannot grow (trap). Under a 64 MiB limit
;; that is 64 MiB written per call. Bound to a point whose memory limit is below its 2 MiB start
;; (MemoryMb 1), instantiation itself is refused: out-of-memory.
(component
  (core module $main
    (memory (export "memory") 32)
    (global $heap (mut i32) (i32.const 1024))
    ;; Bump allocator for the arguments; reset after every call by post-return.
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
    (func (export "invoke") (param $point i32) (param $point-len i32) (param $input i32) (param $input-len i32) (result i32)
      (local $page i32)
      (block $refused
        (loop $more
          (local.set $page (memory.grow (i32.const 1)))
          (br_if $refused (i32.eq (local.get $page) (i32.const -1)))
          (memory.fill (i32.mul (local.get $page) (i32.const 65536)) (i32.const 0xab) (i32.const 65536))
          (br $more)))
      (unreachable))
    (func (export "invoke-post-return") (param i32)
      (global.set $heap (i32.const 1024))))
  (core instance $main-instance (instantiate $main))
  (alias core export $main-instance "memory" (core memory $memory))

  ;; --- export: saas:extensibility/extension-point@1.0.0 --------------------------------------
  (type $failure (record (field "code" string) (field "message" string)))
  (type $invoke-type (func (param "point" string) (param "input" string) (result (result string (error $failure)))))
  (func $invoke (type $invoke-type)
    (canon lift (core func $main-instance "invoke")
      (memory (core memory $memory))
      (realloc (core func $main-instance "cabi_realloc"))
      (post-return (core func $main-instance "invoke-post-return"))))

  ;; Re-exports the function with its type exported under its WIT name (as point-echo.wat does).
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
