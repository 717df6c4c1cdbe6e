module guests/go-point

go 1.24

require extensibilityhost.dev/guest v0.0.0

replace extensibilityhost.dev/guest => ../../../../Extensions.Sdk/go
