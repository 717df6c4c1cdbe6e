module guests/go-event-handler-1.1

go 1.24

require extensibilityhost.dev/guest v0.0.0

replace extensibilityhost.dev/guest => ../../../../Extensions.Sdk/go
