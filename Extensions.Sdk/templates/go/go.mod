module {{name}}

go 1.24

require extensibilityhost.dev/guest v0.0.0

// The bindings of saas:extensibility@1.0.0, vendored by `ext init` (Extensions.Sdk/go).
replace extensibilityhost.dev/guest => ./sdk
