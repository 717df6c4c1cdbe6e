using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Invocations;

[Collection(InvocationCollection.Name)]
public sealed class CircuitBreakerTests(InvocationFixture fixture)
{
    private const int Threshold = InvocationFixture.FailuresBeforeSuspension;

    private IExtensionRunner Runner => fixture.Host.Get<IExtensionRunner>();

    /// <summary><c>check(n)</c> of guest-error.wat: ok for even n, err("odd") for odd n.</summary>
    private Task<ExtensionCallResult> CheckAsync(string tenant, uint n) => Runner.RunAsync(new ExtensionRunRequest
    {
        TenantId = tenant,
        ComponentName = "checker",
        Target = new InvocationTarget(null, "check"),
        Arguments = [ComponentValue.U32(n)],
    }, TestContext.Current.CancellationToken);

    private async Task<(string Tenant, Guid VersionId)> SeedCheckerAsync()
    {
        var tenant = InvocationFixture.NewTenantId();
        return (tenant, await fixture.Host.SeedAsync(tenant, "checker", fixture.Wat("guest-error")));
    }

    private Task<List<Review>> ReviewsAsync(Guid versionId) =>
        fixture.Host.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.VersionId == versionId).OrderBy(r => r.At).ToListAsync());

    [Fact]
    public async Task RunAsync_FailingNTimesInARow_SuspendsTheVersionAndAuditsItAsSystem()
    {
        var (tenant, versionId) = await SeedCheckerAsync();

        for (var i = 0; i < Threshold; i++)
        {
            Assert.Equal(InvocationOutcome.GuestError, (await CheckAsync(tenant, 1)).Invocation!.Outcome);
        }

        var version = await fixture.Host.VersionAsync(versionId);
        Assert.Equal(VersionStatus.Suspended, version.Status);
        Assert.Equal(Threshold, version.ConsecutiveFailures);
        Assert.Contains("guest-error", version.StatusReason, StringComparison.Ordinal);
        var review = Assert.Single(await ReviewsAsync(versionId));
        Assert.Equal(ReviewDecision.Suspended, review.Decision);
        Assert.Equal("system", review.Actor);
        Assert.Equal(tenant, review.TenantId);
    }

    [Fact]
    public async Task RunAsync_AfterSuspension_IsNoActiveVersionNamingTheSuspension()
    {
        var (tenant, _) = await SeedCheckerAsync();
        for (var i = 0; i < Threshold; i++)
        {
            await CheckAsync(tenant, 1);
        }

        var result = await CheckAsync(tenant, 2);

        Assert.Equal(ExtensionCallStatus.NoActiveVersion, result.Status);
        Assert.Contains("suspended", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SuccessBetweenFailures_ResetsTheCount()
    {
        var (tenant, versionId) = await SeedCheckerAsync();

        for (var i = 0; i < Threshold - 1; i++)
        {
            await CheckAsync(tenant, 1);
        }

        await CheckAsync(tenant, 2);
        await CheckAsync(tenant, 1);

        var version = await fixture.Host.VersionAsync(versionId);
        Assert.Equal(VersionStatus.Active, version.Status);
        Assert.Equal(1, version.ConsecutiveFailures);
    }

    [Fact]
    public async Task RunAsync_ManyConcurrentFailuresPastTheThreshold_SuspendOnceWithOneReview()
    {
        var tenant = InvocationFixture.NewTenantId();
        var versionId = await fixture.Host.SeedAsync(tenant, "crasher", fixture.Wat("unreachable"));
        var request = new ExtensionRunRequest
        {
            TenantId = tenant,
            ComponentName = "crasher",
            Target = new InvocationTarget(null, "run"),
            Arguments = [],
            WaitForSlot = true,
        };

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Runner.RunAsync(request, TestContext.Current.CancellationToken)));

        Assert.Contains(results, r => r.Ran);
        Assert.Equal(VersionStatus.Suspended, (await fixture.Host.VersionAsync(versionId)).Status);
        var review = Assert.Single(await ReviewsAsync(versionId));
        Assert.Equal(ReviewDecision.Suspended, review.Decision);
    }

    [Fact]
    public async Task ReenableAsync_SuspendedVersion_ActivatesItResetsTheCountAndAuditsTheActor()
    {
        var (tenant, versionId) = await SeedCheckerAsync();
        for (var i = 0; i < Threshold; i++)
        {
            await CheckAsync(tenant, 1);
        }

        var status = await ReenableAsync(versionId, "ops-admin", "fixed upstream");
        var afterwards = await CheckAsync(tenant, 2);

        Assert.Equal(VersionReenableStatus.Reenabled, status);
        var version = await fixture.Host.VersionAsync(versionId);
        Assert.Equal(VersionStatus.Active, version.Status);
        Assert.Equal(0, version.ConsecutiveFailures);
        Assert.Null(version.StatusReason);
        var reviews = await ReviewsAsync(versionId);
        Assert.Equal([ReviewDecision.Suspended, ReviewDecision.Reenabled], reviews.Select(r => r.Decision));
        Assert.Equal("ops-admin", reviews[1].Actor);
        Assert.Equal("fixed upstream", reviews[1].Reason);
        Assert.Equal(InvocationOutcome.Ok, afterwards.Invocation!.Outcome);
    }

    [Fact]
    public async Task ReenableAsync_ActiveVersion_IsNotSuspended()
    {
        var (_, versionId) = await SeedCheckerAsync();

        Assert.Equal(VersionReenableStatus.NotSuspended, await ReenableAsync(versionId, "ops-admin", null));
    }

    [Fact]
    public async Task ReenableAsync_UnknownVersion_IsNotFound() =>
        Assert.Equal(VersionReenableStatus.NotFound, await ReenableAsync(Guid.NewGuid(), "ops-admin", null));

    [Fact]
    public async Task ReenableAsync_AnotherVersionApprovedMeanwhile_IsAnotherVersionActive()
    {
        var (tenant, versionId) = await SeedCheckerAsync();
        for (var i = 0; i < Threshold; i++)
        {
            await CheckAsync(tenant, 1);
        }

        await fixture.Host.SeedAsync(tenant, "checker", fixture.Wat("add"));

        Assert.Equal(VersionReenableStatus.AnotherVersionActive, await ReenableAsync(versionId, "ops-admin", null));
        Assert.Equal(VersionStatus.Suspended, (await fixture.Host.VersionAsync(versionId)).Status);
    }

    private async Task<VersionReenableStatus> ReenableAsync(Guid versionId, string actor, string? reason)
    {
        var status = VersionReenableStatus.NotFound;
        await fixture.Host.WithScopeAsync(async services =>
            status = await services.GetRequiredService<ExtensionProtection>().ReenableAsync(versionId, actor, reason, TestContext.Current.CancellationToken));
        return status;
    }
}
