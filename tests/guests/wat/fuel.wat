;; fuel.wat — proves fuel metering is deterministic and stops runaway work.
;; Export: spin: func(n: u32) -> u32  — runs exactly n loop iterations computing
;; acc = acc * 31 + i (wrapping, acc starts at 7) and returns acc.
;; The same n always consumes the same fuel; a small budget with a large n traps with
;; `all fuel consumed` (outcome `out-of-fuel`). spin(0) = 7, spin(1) = 217, spin(3) = 208570.
(component
  (core module $m
    (func (export "spin") (param $n i32) (result i32)
      (local $i i32)
      (local $acc i32)
      (local.set $acc (i32.const 7))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $acc
            (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (local.get $acc)))
  (core instance $i (instantiate $m))
  (func (export "spin") (param "n" u32) (result u32)
    (canon lift (core func $i "spin"))))
