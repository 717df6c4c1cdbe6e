using System.Diagnostics;
using System.Text;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>WASI standard output and error as guest log lines: split, decoded, bounded.</summary>
public sealed class StandardStreamLinesTests
{
    private static GuestLog NewLog(int maxLines = 100, int maxLineLength = 4096, int maxTotalLength = 64 * 1024) =>
        new(maxLines, maxLineLength, maxTotalLength, Stopwatch.GetTimestamp());

    private static StandardStreamLines Stdout(GuestLog log) => new(log, GuestLogSource.Stdout, GuestLogLevel.Info);

    private static void Write(StandardStreamLines lines, string text) => lines.Write(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Write_SeveralLinesInOneWrite_AreSeveralLogLines()
    {
        var log = NewLog();

        Write(Stdout(log), "one\ntwo\n");

        Assert.Equal(["one", "two"], log.Lines.Select(l => l.Message));
        Assert.All(log.Lines, l => Assert.Equal((GuestLogSource.Stdout, GuestLogLevel.Info), (l.Source, l.Level)));
    }

    [Fact]
    public void Write_LineSplitAcrossWrites_IsOneLine()
    {
        var log = NewLog();
        var lines = Stdout(log);

        Write(lines, "hel");
        Write(lines, "lo wor");
        Write(lines, "ld\n");

        Assert.Equal(["hello world"], log.Lines.Select(l => l.Message));
    }

    [Fact]
    public void Write_MultiByteCharacterSplitAcrossWrites_IsDecodedWhole()
    {
        var log = NewLog();
        var lines = Stdout(log);
        var bytes = Encoding.UTF8.GetBytes("€\n");

        lines.Write(bytes.AsSpan(0, 1));
        lines.Write(bytes.AsSpan(1));

        Assert.Equal("€", Assert.Single(log.Lines).Message);
    }

    [Fact]
    public void Write_CrLf_DropsTheCarriageReturn()
    {
        var log = NewLog();

        Write(Stdout(log), "windows\r\n");

        Assert.Equal("windows", Assert.Single(log.Lines).Message);
    }

    [Fact]
    public void Write_InvalidUtf8_IsReplacedNotThrown()
    {
        var log = NewLog();

        Stdout(log).Write([0x61, 0xff, 0x62, (byte)'\n']);

        Assert.Equal("a\uFFFDb", Assert.Single(log.Lines).Message);
    }

    [Fact]
    public void Flush_LastLineWithoutNewline_IsLogged()
    {
        var log = NewLog();
        var lines = Stdout(log);
        Write(lines, "done\npartial");

        lines.Flush();

        Assert.Equal(["done", "partial"], log.Lines.Select(l => l.Message));
    }

    [Fact]
    public void Flush_NothingPending_LogsNothing()
    {
        var log = NewLog();
        var lines = Stdout(log);
        Write(lines, "done\n");

        lines.Flush();

        Assert.Single(log.Lines);
    }

    [Fact]
    public void Write_EmptyLine_IsKept()
    {
        var log = NewLog();

        Write(Stdout(log), "a\n\nb\n");

        Assert.Equal(["a", "", "b"], log.Lines.Select(l => l.Message));
    }

    [Fact]
    public void Write_LineFarBeyondTheCap_IsLoggedOnceCutAndTheRestSkipped()
    {
        var log = NewLog(maxLineLength: 16);
        var lines = Stdout(log);

        for (var i = 0; i < 1000; i++)
        {
            Write(lines, new string('x', 1000));
        }

        Write(lines, "\nnext\n");

        Assert.Equal([new string('x', 16) + "…", "next"], log.Lines.Select(l => l.Message));
    }

    [Fact]
    public void Write_PastTheLineCount_CountsDroppedLines()
    {
        var log = NewLog(maxLines: 2);

        Write(Stdout(log), "1\n2\n3\n4\n");

        Assert.Equal(2, log.Lines.Count);
        Assert.Equal(2, log.Dropped);
    }

    [Fact]
    public void Write_Stderr_IsTaggedAsStderr()
    {
        var log = NewLog();

        Write(new StandardStreamLines(log, GuestLogSource.Stderr, GuestLogLevel.Error), "oops\n");

        Assert.Equal((GuestLogSource.Stderr, GuestLogLevel.Error, "oops"), log.Lines.Select(l => (l.Source, l.Level, l.Message)).Single());
    }
}
