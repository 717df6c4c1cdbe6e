using System.Globalization;
using System.Threading.RateLimiting;
using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Api.RateLimiting;

/// <summary>
/// One token bucket per tenant (admin keys and anonymous callers get their own partitions), so a
/// noisy tenant is slowed down without affecting the others. Rejections are 429 problem+json
/// with <c>Retry-After</c>.
/// </summary>
internal static class TenantRateLimiting
{
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                // Health probes are never limited: an anonymous flood must not fail the liveness probe.
                if (http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ApiProblems.Problem(ProblemTypes.RateLimited, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This tenant's request rate is limited; retry after {seconds} s.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext http)
    {
        var user = http.User;
        return user.TenantId() is { } tenant ? "tenant:" + tenant
            : user.IsAdmin() ? "admin"
            : "anonymous:" + http.Connection.RemoteIpAddress;
    }
}
