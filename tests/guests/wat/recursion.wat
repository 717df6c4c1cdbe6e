;; recursion.wat — proves unbounded recursion is stopped by the bounded wasm stack.
;; Export: run: func()  — calls itself forever (a non-tail call, so every frame stays live).
;; Expected: trap `call stack exhausted` (Config.WithMaximumStackSize bounds it), the host survives.
(component
  (core module $m
    (global $depth (mut i32) (i32.const 0))
    (func $recurse (export "run")
      ;; Touch a global each frame so the call cannot be optimised into a loop.
      (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
      (call $recurse)))
  (core instance $i (instantiate $m))
  (func (export "run") (canon lift (core func $i "run"))))
