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
    /// How long compiling one upload may take (default 60 s, wall-clock), from handing it to a
    /// compile worker (starting one when none is idle) to its answer; the worker is killed at this
    /// budget and the upload refused. Measured on two cores: the 12 MB JavaScript guest compiles in
    /// 8 s on an idle machine and in 28–40 s on one shared with other builds (load average 16–27),
    /// so 30 s would refuse it there; a 1 MB function crafted against the register allocator takes
    /// 43 s and 1.2 GiB.
    /// </summary>
    public TimeSpan CompileTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How much resident memory one upload's compile worker may hold, in bytes (default 1 GiB), the
    /// .NET runtime included (about 60 MiB); the worker is killed at this budget and the upload
    /// refused. At most <see cref="MaxConcurrentValidations"/> workers run at once. Measured: the
    /// 12 MB JavaScript guest peaks at about 460 MiB, 300,000 small functions at 1.8 GiB.
    /// </summary>
    public long CompileMemoryBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// How old a blob must be before the sweeper may delete it when no version refers to it (default
    /// 1 hour). Longer than any upload takes from storing the blob to inserting its row.
    /// </summary>
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the orphan sweeper runs (default 1 hour).</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
