package extensibility

import "unsafe"

// Level is the severity of a log line (the WIT enum logging.level, in case order).
type Level uint32

const (
	LevelTrace Level = iota
	LevelDebug
	LevelInfo
	LevelWarn
	LevelError
)

// Log writes one line to the host's invocation log (capped per call by the host).
func Log(level Level, message string) {
	importLog(uint32(level), unsafe.Pointer(unsafe.StringData(message)), uint32(len(message)))
}

// Info writes one info line to the invocation log.
func Info(message string) { Log(LevelInfo, message) }

// Warn writes one warn line to the invocation log.
func Warn(message string) { Log(LevelWarn, message) }

// Error writes one error line to the invocation log.
func Error(message string) { Log(LevelError, message) }

// Get returns the value stored under key in this component's key-value store.
func Get(key string) ([]byte, bool) {
	var ret importReturnArea
	importKeyValueGet(unsafe.Pointer(unsafe.StringData(key)), uint32(len(key)), unsafe.Pointer(&ret))
	if ret.discriminant() == 0 {
		return nil, false
	}
	return takeBytes(ret[1], ret[2]), true
}

// Set stores value under key. The error says which host cap (key size, value size, entry count) was hit.
func Set(key string, value []byte) error {
	var ret importReturnArea
	importKeyValueSet(unsafe.Pointer(unsafe.StringData(key)), uint32(len(key)),
		unsafe.Pointer(unsafe.SliceData(value)), uint32(len(value)), unsafe.Pointer(&ret))
	if ret.discriminant() == 0 {
		return nil
	}
	return &Failure{Code: "key-value", Message: string(takeBytes(ret[1], ret[2]))}
}

// Delete removes key; removing a missing key is not an error.
func Delete(key string) {
	importKeyValueDelete(unsafe.Pointer(unsafe.StringData(key)), uint32(len(key)))
}

// Config returns the setting named key that the operator's admins set for this component.
func Config(key string) (string, bool) {
	var ret importReturnArea
	importConfigGet(unsafe.Pointer(unsafe.StringData(key)), uint32(len(key)), unsafe.Pointer(&ret))
	if ret.discriminant() == 0 {
		return "", false
	}
	return string(takeBytes(ret[1], ret[2])), true
}
