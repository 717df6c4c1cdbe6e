using System.Diagnostics;

namespace ExtensibilityHost.Core.Tests.Runtime;

public sealed class GuestLogTests
{
    private static GuestLog NewLog(int maxLines = 3, int maxLineLength = 10, int maxTotalLength = 25) =>
        new(maxLines, maxLineLength, maxTotalLength, Stopwatch.GetTimestamp());

    [Fact]
    public void Add_WithinCaps_KeepsLinesInOrder()
    {
        var log = NewLog();

        log.Add(GuestLogLevel.Info, "one");
        log.Add(GuestLogLevel.Warn, "two");

        Assert.Equal(["one", "two"], log.Lines.Select(l => l.Message));
        Assert.Equal([GuestLogLevel.Info, GuestLogLevel.Warn], log.Lines.Select(l => l.Level));
        Assert.Equal(0, log.Dropped);
    }

    [Fact]
    public void Add_LineLongerThanTheCap_IsCutAndMarked()
    {
        var log = NewLog();

        log.Add(GuestLogLevel.Info, "0123456789abcdef");

        Assert.Equal("0123456789…", Assert.Single(log.Lines).Message);
    }

    [Fact]
    public void Add_MoreLinesThanTheCap_DropsAndCountsTheRest()
    {
        var log = NewLog(maxLines: 2, maxTotalLength: 1000);

        for (var i = 0; i < 5; i++)
        {
            log.Add(GuestLogLevel.Debug, "x");
        }

        Assert.Equal(2, log.Lines.Count);
        Assert.Equal(3, log.Dropped);
    }

    [Fact]
    public void Add_TotalSizeCap_CutsTheLastLineAndDropsLaterOnes()
    {
        var log = NewLog(maxLines: 100, maxLineLength: 10, maxTotalLength: 25);

        log.Add(GuestLogLevel.Info, "aaaaaaaaaa");
        log.Add(GuestLogLevel.Info, "bbbbbbbbbb");
        log.Add(GuestLogLevel.Info, "cccccccccc");
        log.Add(GuestLogLevel.Info, "dddddddddd");

        Assert.Equal(["aaaaaaaaaa", "bbbbbbbbbb", "ccccc…"], log.Lines.Select(l => l.Message));
        Assert.Equal(1, log.Dropped);
    }
}
