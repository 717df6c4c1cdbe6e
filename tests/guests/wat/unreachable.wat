;; unreachable.wat — proves a guest trap becomes a `trap` outcome, not a host crash.
;; Export: run: func()  — executes `unreachable` immediately (trap `wasm unreachable`).
(component
  (core module $m
    (func (export "run")
      (unreachable)))
  (core instance $i (instantiate $m))
  (func (export "run") (canon lift (core func $i "run"))))
