using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Reviews;

public sealed partial class ReviewService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Decision}: {TenantId}/{Component} v{Number} ({VersionId}) by {Actor}")]
    private partial void LogDecided(ReviewDecision decision, string tenantId, string component, int number, Guid versionId, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Decision} of version {VersionId} lost to a concurrent decision; it is now {Status}")]
    private partial void LogLostRace(ReviewDecision decision, Guid versionId, VersionStatus status);
}
