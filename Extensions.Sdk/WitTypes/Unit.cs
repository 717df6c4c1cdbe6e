namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>No value: a side of a WIT <c>result</c> without payload, as in <c>result&lt;_, string&gt;</c> → <c>Result&lt;Unit, string&gt;</c>.</summary>
public readonly struct Unit : IEquatable<Unit>
{
    /// <summary>The one value.</summary>
    public static Unit Value => default;

    /// <summary>Always equal.</summary>
    /// <param name="left">A unit.</param>
    /// <param name="right">Another unit.</param>
    /// <returns><see langword="true"/>.</returns>
    public static bool operator ==(Unit left, Unit right) => true;

    /// <summary>Never different.</summary>
    /// <param name="left">A unit.</param>
    /// <param name="right">Another unit.</param>
    /// <returns><see langword="false"/>.</returns>
    public static bool operator !=(Unit left, Unit right) => false;

    /// <inheritdoc/>
    public bool Equals(Unit other) => true;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Unit;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public override string ToString() => "()";
}
