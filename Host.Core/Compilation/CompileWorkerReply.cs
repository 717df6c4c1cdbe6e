namespace ExtensibilityHost.Core.Compilation;

/// <summary>A compile worker's answer, before the artifact frame.</summary>
internal sealed record CompileWorkerReply
{
    /// <summary>The fingerprint of the worker's engine: the host loads the artifact only when it is its own.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Wasmtime's reason for refusing the binary; null when it compiled.</summary>
    public string? Error { get; init; }

    /// <summary>How long Cranelift took, serialization included, in milliseconds.</summary>
    public double CompileMilliseconds { get; init; }

    /// <summary>
    /// The worker's peak resident memory during this compilation, in bytes (on Linux; elsewhere since
    /// the worker started).
    /// </summary>
    public long PeakMemoryBytes { get; init; }

    /// <summary>The worker's resident memory once the compilation is done: what it would hold while idle.</summary>
    public long ResidentBytes { get; init; }
}
