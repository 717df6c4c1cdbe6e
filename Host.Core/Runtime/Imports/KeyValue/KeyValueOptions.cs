using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>Caps of the <c>key-value</c> import (section <c>ExtensibilityHost:KeyValue</c>).</summary>
public sealed class KeyValueOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:KeyValue";

    /// <summary>Longest key, in UTF-8 bytes.</summary>
    [Range(1, 64 * 1024)]
    public int MaxKeyBytes { get; set; } = 256;

    /// <summary>Largest value, in bytes.</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int MaxValueBytes { get; set; } = 64 * 1024;

    /// <summary>Most entries one component of one tenant may hold.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntriesPerComponent { get; set; } = 1000;
}
