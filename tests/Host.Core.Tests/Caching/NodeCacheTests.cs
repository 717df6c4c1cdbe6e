using ExtensibilityHost.Core.Caching;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Caching;

public sealed class NodeCacheTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOrLoad_SameKeyTwice_LoadsOnce()
    {
        var (cache, _, loads) = Cache(new CachingOptions());

        Assert.Equal("value 1", await cache.GetOrLoadAsync("key", loads, Load, Cancellation));
        Assert.Equal("value 1", await cache.GetOrLoadAsync("key", loads, Load, Cancellation));
        Assert.Single(loads);
    }

    [Fact]
    public async Task GetOrLoad_AfterInvalidate_LoadsAgain()
    {
        var (cache, changes, loads) = Cache(new CachingOptions());
        await cache.GetOrLoadAsync("key", loads, Load, Cancellation);

        changes.Invalidate();

        Assert.Equal("value 2", await cache.GetOrLoadAsync("key", loads, Load, Cancellation));
    }

    [Fact]
    public async Task GetOrLoad_InvalidatedWhileLoading_UsesTheValueOnceButDoesNotKeepIt()
    {
        var (cache, changes, loads) = Cache(new CachingOptions());

        var racing = await cache.GetOrLoadAsync("key", loads, async (key, l, ct) =>
        {
            var value = await Load(key, l, ct);
            changes.Invalidate();
            return value;
        }, Cancellation);

        Assert.Equal("value 1", racing);
        Assert.Equal("value 2", await cache.GetOrLoadAsync("key", loads, Load, Cancellation));
    }

    [Fact]
    public async Task GetOrLoad_Disabled_LoadsEveryTime()
    {
        var (cache, _, loads) = Cache(new CachingOptions { Enabled = false });

        await cache.GetOrLoadAsync("key", loads, Load, Cancellation);
        await cache.GetOrLoadAsync("key", loads, Load, Cancellation);

        Assert.Equal(2, loads.Count);
    }

    [Fact]
    public async Task GetOrLoad_Full_ReadsNewKeysWithoutKeepingThem()
    {
        var (cache, _, loads) = Cache(new CachingOptions { MaxEntries = 16 });
        for (var i = 0; i < 16; i++)
        {
            await cache.GetOrLoadAsync($"key {i}", loads, Load, Cancellation);
        }

        await cache.GetOrLoadAsync("one more", loads, Load, Cancellation);
        await cache.GetOrLoadAsync("one more", loads, Load, Cancellation);
        await cache.GetOrLoadAsync("key 0", loads, Load, Cancellation);

        Assert.Equal(18, loads.Count);
    }

    [Theory]
    [InlineData("00:00:01.500", "00:01:00", "PollInterval")]
    [InlineData("00:00:00.001", "00:01:00", "PollInterval")]
    [InlineData("00:00:00.500", "00:00:00.100", "MaxAge")]
    public void Validate_OutOfRange_FailsNamingIt(string pollInterval, string maxAge, string name)
    {
        var result = new CachingOptionsValidator().Validate(null, new CachingOptions
        {
            PollInterval = TimeSpan.Parse(pollInterval, System.Globalization.CultureInfo.InvariantCulture),
            MaxAge = TimeSpan.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.True(result.Failed);
        Assert.Contains(name, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new CachingOptionsValidator().Validate(null, new CachingOptions()).Succeeded);

    private static (NodeCache<string, string> Cache, HostChanges Changes, List<string> Loads) Cache(CachingOptions options)
    {
        var changes = new HostChanges(Options.Create(options));
        return (new NodeCache<string, string>(changes), changes, []);
    }

    private static Task<string> Load(string key, List<string> loads, CancellationToken cancellationToken)
    {
        loads.Add(key);
        return Task.FromResult($"value {loads.Count}");
    }
}
