namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>Component WAT used by the inspection and conformance tests.</summary>
internal static class TestComponents
{
    /// <summary>
    /// Exports <c>acme:test/api@1.0.0</c> with <c>add(a: u32, b: u32) -> u32</c> and
    /// <c>check(order: order) -> result&lt;outcome, failure&gt;</c>, plus a top-level <c>add</c>.
    /// </summary>
    public const string ApiExport = """
        (component
          (core module $m
            (memory (export "mem") 1)
            (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
            (func (export "check") (param i32 i32 i32) (result i32) i32.const 0)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 16))
          (core instance $i (instantiate $m))
          (type $order (record (field "id" string) (field "qty" u32)))
          (type $outcome (variant (case "accepted") (case "rejected" string)))
          (type $failure (record (field "code" string) (field "message" string)))
          (func $add (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add")))
          (func $check (param "order" $order) (result (result $outcome (error $failure)))
            (canon lift (core func $i "check") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
          (instance $api
            (export "order" (type $order))
            (export "outcome" (type $outcome))
            (export "failure" (type $failure))
            (export "add" (func $add))
            (export "check" (func $check)))
          (export "acme:test/api@1.0.0" (instance $api))
          (export "add" (func $add)))
        """;

    /// <summary>Imports <c>saas:extensibility/logging@1.0.0</c> and exports nothing.</summary>
    public const string LoggingImport = $"(component {LoggingImportDeclaration})";

    /// <summary>Exports <c>everything</c>, a function with a parameter of every JSON-mappable kind.</summary>
    public const string EveryKind = """
        (component
          (core module $m
            (memory (export "mem") 1)
            (func (export "everything") (param i32))
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 16))
          (core instance $i (instantiate $m))
          (type $e' (enum "a" "b"))
          (type $f' (flags "x" "y"))
          (type $v' (variant (case "none") (case "some" u8)))
          (export $e "e" (type $e'))
          (export $f "f" (type $f'))
          (export $v "v" (type $v'))
          (func $everything
            (param "p-bool" bool) (param "p-s8" s8) (param "p-s16" s16) (param "p-s32" s32) (param "p-s64" s64)
            (param "p-u8" u8) (param "p-u16" u16) (param "p-u32" u32) (param "p-u64" u64)
            (param "p-f32" f32) (param "p-f64" f64) (param "p-char" char) (param "p-string" string)
            (param "p-list" (list u8)) (param "p-tuple" (tuple u32 string)) (param "p-option" (option (option u32)))
            (param "p-result" (result string (error u32))) (param "p-unit-result" (result))
            (param "p-err-only" (result (error string))) (param "p-enum" $e) (param "p-flags" $f) (param "p-variant" $v)
            (canon lift (core func $i "everything") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
          (export "everything" (func $everything)))
        """;

    /// <summary>The logging import with the WIT's exact types.</summary>
    public const string LoggingImportDeclaration = """
          (import "saas:extensibility/logging@1.0.0" (instance
            (type $level (enum "trace" "debug" "info" "warn" "error"))
            (export "level" (type $l (eq $level)))
            (export "log" (func (param "level" $l) (param "message" string)))))
        """;

    /// <summary>
    /// A component exporting <c>saas:extensibility/event-handler@1.0.0</c> with the WIT's exact
    /// types, after the given import declarations.
    /// </summary>
    public static string EventHandler(string imports) => $$"""
        (component
          {{imports}}
          (core module $m
            (memory (export "mem") 1)
            (func (export "handle") (param i32 i32 i32 i32 i32 i32 i64 i32 i32) (result i32) i32.const 16)
            (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 32))
          (core instance $i (instantiate $m))
          (type $event (record
            (field "id" string) (field "event-type" string) (field "tenant-id" string)
            (field "occurred-at" u64) (field "payload" string)))
          (type $decision (variant (case "proceed") (case "veto" string) (case "replace" string)))
          (type $failure (record (field "code" string) (field "message" string)))
          (func $handle (param "event" $event) (result (result $decision (error $failure)))
            (canon lift (core func $i "handle") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
          (instance $handler
            (export "event" (type $event))
            (export "decision" (type $decision))
            (export "failure" (type $failure))
            (export "handle" (func $handle)))
          (export "saas:extensibility/event-handler@1.0.0" (instance $handler)))
        """;
}
