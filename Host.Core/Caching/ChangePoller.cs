using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Caching;

/// <summary>
/// Reads the database's <see cref="ChangeStamp"/> every <see cref="CachingOptions.PollInterval"/>
/// and invalidates this node's caches when another node changed routing state; also invalidates
/// every <see cref="CachingOptions.MaxAge"/> regardless, and whenever the stamp cannot be read.
/// </summary>
internal sealed partial class ChangePoller(
    IServiceScopeFactory scopes, HostChanges changes, IOptions<CachingOptions> options, TimeProvider time, ILogger<ChangePoller> logger)
    : BackgroundService
{
    private long? _seen;
    private DateTimeOffset _lastFullInvalidation;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        _lastFullInvalidation = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PollAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at the stamp.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        long? stamp;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            stamp = await scope.ServiceProvider.GetRequiredService<HostDbContext>().ChangeStamps.AsNoTracking()
                .Where(s => s.Id == ChangeStamp.SingletonId)
                .Select(s => (long?)s.Value)
                .FirstOrDefaultAsync(cancellationToken);
            if (_failing)
            {
                _failing = false;
                LogRecovered();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Not knowing is a change: read the database again until the stamp can be read.
            if (!_failing)
            {
                _failing = true;
                LogPollFailed(e);
            }

            changes.Invalidate();
            _seen = null;
            return;
        }

        var now = time.GetUtcNow();
        if (stamp != _seen || now - _lastFullInvalidation >= options.Value.MaxAge)
        {
            changes.Invalidate();
            _lastFullInvalidation = now;
            _seen = stamp;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change stamp; this node reads routing state from the database until it can")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The change stamp can be read again; routing state is cached again")]
    private partial void LogRecovered();
}
