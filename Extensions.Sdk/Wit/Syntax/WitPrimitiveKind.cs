using System.Diagnostics.CodeAnalysis;

namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>The primitive WIT types.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The WIT types are called char and string.")]
public enum WitPrimitiveKind
{
    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>s8</c>.</summary>
    S8,

    /// <summary><c>s16</c>.</summary>
    S16,

    /// <summary><c>s32</c>.</summary>
    S32,

    /// <summary><c>s64</c>.</summary>
    S64,

    /// <summary><c>u8</c>.</summary>
    U8,

    /// <summary><c>u16</c>.</summary>
    U16,

    /// <summary><c>u32</c>.</summary>
    U32,

    /// <summary><c>u64</c>.</summary>
    U64,

    /// <summary><c>f32</c>.</summary>
    F32,

    /// <summary><c>f64</c>.</summary>
    F64,

    /// <summary><c>char</c>: one Unicode scalar value.</summary>
    Char,

    /// <summary><c>string</c>.</summary>
    String,
}
