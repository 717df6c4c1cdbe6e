module extensibilityhost.dev/guest

go 1.24
