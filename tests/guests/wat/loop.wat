;; loop.wat — proves the epoch deadline stops a guest that never returns.
;; Export: run: func()  — spins forever in a tight loop (no calls, no memory).
;; Expected: a store with an epoch deadline traps with `wasm trap: interrupt` (outcome `timeout`).
(component
  (core module $m
    (func (export "run")
      (loop $forever
        (br $forever))))
  (core instance $i (instantiate $m))
  (func (export "run") (canon lift (core func $i "run"))))
