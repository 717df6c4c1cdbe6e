;; memory-bomb.wat — proves Store.SetLimits caps linear memory growth.
;; Exports:
;;   grow: func() -> u32        grows memory one 64 KiB page at a time until memory.grow
;;                              returns -1, then returns the page count reached.
;;                              With a 64 MiB limit it returns 1024: growth stops at the limit,
;;                              and the refusal is an ordinary -1 to the guest, not a trap.
;;   grow-then-trap: func()     same growth, then executes `unreachable` — the outcome a
;;                              guest that cannot handle allocation failure produces
;;                              (trap `wasm unreachable`, after the store hit its memory limit).
;; The memory starts at 1 page and declares no maximum, so only the store's limit stops it.
(component
  (core module $m
    (memory 1)
    (func $grow-until-refused
      (block $refused
        (loop $more
          (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
          (br $more))))
    (func (export "grow") (result i32)
      (call $grow-until-refused)
      (memory.size))
    (func (export "grow-then-trap")
      (call $grow-until-refused)
      (unreachable)))
  (core instance $i (instantiate $m))
  (func (export "grow") (result u32) (canon lift (core func $i "grow")))
  (func (export "grow-then-trap") (canon lift (core func $i "grow-then-trap"))))
