;; outbound-fetch.wat — the outbound-http host import exposed as exports, so tests can send any
;; request through it and see the host's answer unchanged.
;; Imports: saas:extensibility/outbound-http@1.1.0 { fetch }
;; Exports the instance test:outbound/probe@1.0.0 (so a test world can require it and no other guest
;; implements that world by accident) with:
;;   fetch: func(method: string, url: string, headers: string, body: string) -> result<response, http-error>
;;          forwards its arguments as the request record and returns fetch's result as it is.
;;   flood: func(field: u32, n: u32) -> result<response, http-error>
;;          GET http://127.0.0.1:9/ with field 0 (url), 1 (headers) or 2 (body) replaced by n zero
;;          bytes of its own memory (grown to fit): what refusing an over-long argument costs the host.
(component
  (type $request (record (field "method" string) (field "url" string) (field "headers" string) (field "body" string)))
  (type $response (record (field "status" u16) (field "headers" string) (field "body" string)))
  (type $http-error (variant (case "forbidden" string) (case "invalid-request" string) (case "timeout") (case "failed" string)))
  (import "saas:extensibility/outbound-http@1.1.0" (instance $http
    (export "request" (type $req (eq $request)))
    (export "response" (type $resp (eq $response)))
    (export "http-error" (type $err (eq $http-error)))
    (export "fetch" (func (param "request" $req) (result (result $resp (error $err)))))))
  (alias export $http "response" (type $response-export))
  (alias export $http "http-error" (type $http-error-export))

  ;; Memory and a bump allocator that grows memory to fit (a response body may be a MiB), first so
  ;; fetch can be lowered onto them. Every call runs in a fresh instance, so it is never reset.
  (core module $libc-module
    (memory (export "mem") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $ptr i32)
      (local $end i32)
      (local.set $ptr
        (i32.and
          (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
          (i32.sub (i32.const 0) (local.get $align))))
      (local.set $end (i32.add (local.get $ptr) (local.get $size)))
      (block $fits
        (loop $grow
          (br_if $fits (i32.le_u (local.get $end) (i32.mul (memory.size) (i32.const 65536))))
          (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1))
            (then (unreachable)))
          (br $grow)))
      (global.set $bump (local.get $end))
      (if (i32.ne (local.get $old) (i32.const 0))
        (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old-size))))
      (local.get $ptr)))
  (core instance $libc (instantiate $libc-module))

  (core func $fetch (canon lower (func $http "fetch") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))

  (core module $main-module
    (import "libc" "mem" (memory 1))
    (import "libc" "realloc" (func $realloc (param i32 i32 i32 i32) (result i32)))
    (import "http" "fetch" (func $fetch (param i32 i32 i32 i32 i32 i32 i32 i32 i32)))
    ;; "GET" at 256, "http://127.0.0.1:9/" at 272.
    (data (i32.const 256) "GET")
    (data (i32.const 272) "http://127.0.0.1:9/")
    ;; The host writes fetch's result at 16 (discriminant, then at 20 the response record or the
    ;; error's case and string): exactly the return area of the lifted exports.
    (func (export "fetch") (param $m i32) (param $m-len i32) (param $u i32) (param $u-len i32)
                           (param $h i32) (param $h-len i32) (param $b i32) (param $b-len i32) (result i32)
      (call $fetch (local.get $m) (local.get $m-len) (local.get $u) (local.get $u-len)
                   (local.get $h) (local.get $h-len) (local.get $b) (local.get $b-len) (i32.const 16))
      (i32.const 16))
    (func (export "flood") (param $field i32) (param $n i32) (result i32)
      (local $p i32)
      (local.set $p (call $realloc (i32.const 0) (i32.const 0) (i32.const 1) (local.get $n)))
      (memory.fill (local.get $p) (i32.const 0) (local.get $n))
      (call $fetch
        (i32.const 256) (i32.const 3)
        (if (result i32) (i32.eq (local.get $field) (i32.const 0)) (then (local.get $p)) (else (i32.const 272)))
        (if (result i32) (i32.eq (local.get $field) (i32.const 0)) (then (local.get $n)) (else (i32.const 19)))
        (local.get $p)
        (if (result i32) (i32.eq (local.get $field) (i32.const 1)) (then (local.get $n)) (else (i32.const 0)))
        (local.get $p)
        (if (result i32) (i32.eq (local.get $field) (i32.const 2)) (then (local.get $n)) (else (i32.const 0)))
        (i32.const 16))
      (i32.const 16)))
  (core instance $main (instantiate $main-module
    (with "libc" (instance $libc))
    (with "http" (instance (export "fetch" (func $fetch))))))

  (func $fetch-lifted (param "method" string) (param "url" string) (param "headers" string) (param "body" string)
    (result (result $response-export (error $http-error-export)))
    (canon lift (core func $main "fetch") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (func $flood-lifted (param "field" u32) (param "n" u32)
    (result (result $response-export (error $http-error-export)))
    (canon lift (core func $main "flood") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
  (instance $probe
    (export "fetch" (func $fetch-lifted))
    (export "flood" (func $flood-lifted)))
  (export "test:outbound/probe@1.0.0" (instance $probe))
)
