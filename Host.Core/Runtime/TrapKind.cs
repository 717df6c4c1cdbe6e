namespace ExtensibilityHost.Core.Runtime;

/// <summary>The kind of a guest trap, read from Wasmtime's trap code or message.</summary>
public enum TrapKind
{
    /// <summary>A trap Wasmtime reported that does not fit another kind.</summary>
    Other,

    /// <summary>The wasm call stack was exhausted (unbounded recursion).</summary>
    StackOverflow,

    /// <summary>The guest executed <c>unreachable</c> (Rust panics and aborts end here).</summary>
    Unreachable,

    /// <summary>A load or store outside linear memory.</summary>
    MemoryOutOfBounds,

    /// <summary>A string the guest returned points outside its memory.</summary>
    StringOutOfBounds,

    /// <summary>A list the guest returned points outside its memory.</summary>
    ListOutOfBounds,

    /// <summary>Integer division by zero.</summary>
    IntegerDivisionByZero,

    /// <summary>Integer overflow (e.g. <c>i32.div_s</c> of <c>MIN / -1</c>).</summary>
    IntegerOverflow,

    /// <summary>A float could not be converted to an integer.</summary>
    BadConversionToInteger,

    /// <summary>An indirect call through a null or out-of-bounds table entry, or with the wrong signature.</summary>
    IndirectCall,

    /// <summary>The guest returned a value the canonical ABI rejects (bad discriminant, invalid char, misaligned pointer).</summary>
    InvalidValue,

    /// <summary>An unaligned atomic or a misaligned pointer.</summary>
    HeapMisaligned,

    /// <summary>A component was re-entered or left in a way the component model forbids.</summary>
    ComponentReentrance,

    /// <summary>
    /// The guest asked the host to copy more data across the boundary than Wasmtime allows in
    /// one hostcall (its hostcall fuel ran out).
    /// </summary>
    HostCopyLimit,
}
