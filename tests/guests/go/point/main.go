// Go guest built with the standard Go toolchain (GOOS=wasip1 GOARCH=wasm -buildmode=c-shared),
// made a component with the WASI reactor adapter and a fixed 16 MiB memory. World
// point-extension, through the SDK package (Extensions.Sdk/go).
//
// Behaviour by point (tests assert it; keep tests/guests/README.md in step):
//   - "probe.wasi": tries what WASI must not grant and answers {"file": "<error or what was
//     read>", "env": <variables seen>, "args": <arguments seen>, "clockMs": <wall clock>,
//     "random": <whether 32 random bytes were not all zero>};
//   - "config": {"greeting": <config "greeting", or null>};
//   - "alloc", input {"mib": <n>}: allocates and touches n MiB (more than its fixed heap traps);
//   - anything else: prints "go point: <point>" to stdout, "go stderr: <point>" to stderr, logs
//     info "go invoked <point>", and answers {"lang":"go","point":"<point>","input":<input>}.
package main

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"extensibilityhost.dev/guest/extensibility"
	"extensibilityhost.dev/guest/extensibility/extensionpoint"
)

func init() { extensionpoint.Serve(invoke) }

func invoke(point, input string) (string, error) {
	switch point {
	case "probe.wasi":
		return marshal(probe())
	case "config":
		var greeting *string
		if value, ok := extensibility.Config("greeting"); ok {
			greeting = &value
		}
		return marshal(map[string]any{"greeting": greeting})
	case "alloc":
		var request struct{ MiB int }
		if err := json.Unmarshal([]byte(input), &request); err != nil {
			return "", extensibility.Fail("bad-input", err.Error())
		}
		blocks := make([][]byte, request.MiB)
		for i := range blocks {
			blocks[i] = make([]byte, 1<<20)
			for j := 0; j < len(blocks[i]); j += 4096 {
				blocks[i][j] = 1
			}
		}
		return marshal(map[string]any{"allocatedMiB": len(blocks)})
	default:
		fmt.Println("go point: " + point)
		fmt.Fprintln(os.Stderr, "go stderr: "+point)
		extensibility.Info("go invoked " + point)
		return marshal(map[string]any{"lang": "go", "point": point, "input": json.RawMessage(input)})
	}
}

func probe() map[string]any {
	file := "read"
	if data, err := os.ReadFile("/etc/passwd"); err != nil {
		file = "error: " + err.Error()
	} else {
		file = fmt.Sprintf("read %d bytes", len(data))
	}
	random := make([]byte, 32)
	_, err := rand.Read(random)
	nonZero := false
	for _, b := range random {
		nonZero = nonZero || b != 0
	}
	return map[string]any{
		"file":    file,
		"env":     len(os.Environ()),
		"args":    len(os.Args),
		"clockMs": time.Now().UnixMilli(),
		"random":  err == nil && nonZero,
	}
}

func marshal(value any) (string, error) {
	data, err := json.Marshal(value)
	if err != nil {
		return "", extensibility.Fail("marshal", err.Error())
	}
	return string(data), nil
}

func main() {}
