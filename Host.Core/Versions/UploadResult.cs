using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Versions;

/// <summary>The outcome of <see cref="ComponentUploader.UploadAsync"/>: a version, or why there is none.</summary>
public sealed record UploadResult
{
    /// <summary>What happened.</summary>
    public required UploadStatus Status { get; init; }

    /// <summary>The version created or found; null when the upload was refused.</summary>
    public ComponentVersion? Version { get; init; }

    /// <summary>For <see cref="UploadStatus.NotAComponent"/>: why.</summary>
    public ComponentLoadError? LoadError { get; init; }

    /// <summary>For <see cref="UploadStatus.WorldMismatch"/>: the world check with its problems.</summary>
    public ConformanceResult? Conformance { get; init; }

    /// <summary>For <see cref="UploadStatus.CompileBudgetExceeded"/>: which budget, its value, and what the worker used.</summary>
    public CompileBudgetExceeded? BudgetExceeded { get; init; }

    internal static UploadResult Of(UploadStatus status, ComponentVersion version) => new() { Status = status, Version = version };
}
