;; trap-named-interrupt.wat — proves the outcome is read from the trap's cause, not from the
;; backtrace: the guest names its function `wasm trap: interrupt` (the timeout's wording), so that
;; text appears in the wasm backtrace of every trap it raises.
;; Export: run: func()  — calls the oddly named function, which executes `unreachable`
;;                        (trap `wasm unreachable`, never a timeout).
(component
  (core module $m
    (func $"wasm trap: interrupt"
      (unreachable))
    (func (export "run")
      (call $"wasm trap: interrupt")))
  (core instance $i (instantiate $m))
  (func (export "run") (canon lift (core func $i "run"))))
