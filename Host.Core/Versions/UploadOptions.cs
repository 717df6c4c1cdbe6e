namespace ExtensibilityHost.Core.Versions;

/// <summary>Uploads of component binaries (section <c>ExtensibilityHost:Upload</c>). Validated at start-up.</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Upload";

    /// <summary>
    /// The largest component accepted, in bytes (default 32 MiB), enforced while the body streams in,
    /// also on the decompressed size of a gzip body. The JavaScript guests are about 12 MB.
    /// </summary>
    public long MaxComponentBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// How many uploads may compile at once (default: the processor count). Compiling is CPU-bound
    /// native work that takes seconds for large guests; bounding it keeps the request pipeline and the
    /// guests' own calls responsive.
    /// </summary>
    public int MaxConcurrentValidations { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How old a blob must be before the sweeper may delete it when no version refers to it (default
    /// 1 hour). Longer than any upload takes from storing the blob to inserting its row.
    /// </summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the orphan sweeper runs (default 1 hour).</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
