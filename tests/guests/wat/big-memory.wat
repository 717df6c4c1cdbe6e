;; big-memory.wat — proves the memory limit applies at instantiation, not only to memory.grow.
;; The core module declares an initial memory of 2048 pages (128 MiB); under a 64 MiB store
;; limit instantiation itself fails (outcome `out-of-memory`) and run is never reached.
;; Export: run: func()  — does nothing (only reachable with a limit of at least 128 MiB).
(component
  (core module $m
    (memory (export "mem") 2048)
    (func (export "run")))
  (core instance $i (instantiate $m))
  (func (export "run") (canon lift (core func $i "run"))))
