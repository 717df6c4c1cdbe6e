// Package extensibility is the Go guest side of saas:extensibility, the contract of
// ExtensibilityHost: its types, the host's imports (logging, key-value, config) and the
// canonical ABI the exports of the sub-packages eventhandler and extensionpoint use.
//
// It targets saas:extensibility@1.0.0 by default. Built with the tag saas_v1_1
// (go build -tags saas_v1_1, or GOFLAGS=-tags=saas_v1_1) it targets @1.1.0: every import and
// export is named @1.1.0, Event has Metadata, and Fetch (outbound-http) is there. A component
// implements one version, so the tag applies to the whole build.
//
// Build with the standard Go toolchain (1.24 or later) for GOOS=wasip1 GOARCH=wasm with
// -buildmode=c-shared, then make a component with the WASI preview1 reactor adapter
// (Extensions.Sdk/tools/componentize.mjs --wasi --fixed-memory-mib <n>). Standard output and
// standard error (fmt.Println, panics) reach the host's invocation log.
//
// The canonical ABI is written out here because wit-bindgen-go needs TinyGo and a module proxy;
// with those available, its generated bindings for the same wit/ package are equivalent.
package extensibility
