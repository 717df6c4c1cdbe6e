;; two-memory-bomb.wat — proves the memory limit is a total per call, not per linear memory.
;; Two core modules, each with its own memory (1 page, no maximum).
;; Export: grow: func() -> u32  — each module grows its memory one page at a time until
;;                                memory.grow returns -1; returns the sum of both memories'
;;                                pages. Under a 16 MiB limit the sum must stay <= 256.
(component
  (core module $a
    (memory 1)
    (func (export "grow") (result i32)
      (block $refused
        (loop $more
          (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
          (br $more)))
      (memory.size)))
  (core module $b
    (import "a" "grow" (func $grow-a (result i32)))
    (memory 1)
    (func (export "grow") (result i32)
      (block $refused
        (loop $more
          (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
          (br $more)))
      (i32.add (memory.size) (call $grow-a))))
  (core instance $ia (instantiate $a))
  (core instance $ib (instantiate $b (with "a" (instance $ia))))
  (func (export "grow") (result u32) (canon lift (core func $ib "grow"))))
