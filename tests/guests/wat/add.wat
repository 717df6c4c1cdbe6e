;; add.wat — the smallest useful guest: the benchmark's baseline and a string round-trip.
;; Exports:
;;   add: func(a: u32, b: u32) -> u32     wrapping a + b; no memory traffic at all.
;;   echo: func(s: string) -> string      returns s unchanged. Proves argument lowering into
;;                                        guest memory through `realloc` and result lifting.
;; Allocation is a bump allocator starting at 1 KiB that grows memory when needed;
;; echo's post-return resets it, so warm calls on one instance do not leak.
(component
  (core module $m
    (memory (export "mem") 1)
    (global $heap (mut i32) (i32.const 1024))
    ;; Return area of echo: (ptr: i32, len: i32) at offset 8.
    (func (export "add") (param i32 i32) (result i32)
      (i32.add (local.get 0) (local.get 1)))
    (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
      (local $ptr i32)
      (local $end i32)
      ;; Round the bump pointer up to `align` (a power of two).
      (local.set $ptr
        (i32.and
          (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
          (i32.sub (i32.const 0) (local.get $align))))
      (local.set $end (i32.add (local.get $ptr) (local.get $size)))
      ;; Grow memory page by page until the block fits; trap if the store refuses.
      (block $fits
        (loop $grow
          (br_if $fits (i32.le_u (local.get $end) (i32.mul (memory.size) (i32.const 65536))))
          (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1))
            (then (unreachable)))
          (br $grow)))
      (global.set $heap (local.get $end))
      ;; A growing realloc copies the old bytes; a fresh allocation has old-size 0.
      (if (i32.ne (local.get $old) (i32.const 0))
        (then (memory.copy (local.get $ptr) (local.get $old) (local.get $old-size))))
      (local.get $ptr))
    (func (export "echo") (param $ptr i32) (param $len i32) (result i32)
      (i32.store (i32.const 8) (local.get $ptr))
      (i32.store (i32.const 12) (local.get $len))
      (i32.const 8))
    (func (export "echo-post-return") (param i32)
      (global.set $heap (i32.const 1024))))
  (core instance $i (instantiate $m))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "add")))
  (func (export "echo") (param "s" string) (result string)
    (canon lift (core func $i "echo")
      (memory (core memory $i "mem"))
      (realloc (core func $i "realloc"))
      (post-return (core func $i "echo-post-return")))))
