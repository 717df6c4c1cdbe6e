using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ExtensibilityHost.Portal.Tests;

/// <summary>
/// The real host on Kestrel (loopback, a free port) and Debian's Chromium driven by Playwright,
/// shared by the portal tests; each test opens its own browser context (its own cookies).
/// Playwright never downloads a browser here: it is pointed at <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const int FailuresBeforeSuspension = 2;

    /// <summary>Where the browser is: Debian's package, which test.sh installs.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PortalFixture()
    {
        Host = new(new Dictionary<string, string?>
        {
            ["ExtensibilityHost:Upload:MaxComponentBytes"] = (32 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ExtensibilityHost:Invocations:FailuresBeforeSuspension"] = FailuresBeforeSuspension.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ExtensibilityHost:Events:PollInterval"] = "00:00:00.050",
            // An async delivery that fails once is dead-lettered at once (the dead-letter test).
            ["ExtensibilityHost:Events:MaxAttempts"] = "1",
            // No portal test is about deadlines: a toolchain guest's first call (in a shadow run, say)
            // descheduled on a busy machine must not end as a timeout.
            ["ExtensibilityHost:Runtime:DefaultLimits:Timeout"] = "00:00:05",
            // Every entry reaches the capture, so a test can show what the host logs (and what it never does).
            ["Logging:LogLevel:Default"] = "Debug",
        }, services =>
        {
            services.AddSingleton<ILoggerProvider>(HostLog);
            // So the outbound-http review can upload outbound-fetch.wat.
            OutboundTestWorld.Register(services);
        }, kestrel: true);
    }

    public ApiHost Host { get; }

    /// <summary>Everything the host logged.</summary>
    public CapturingLoggerProvider HostLog { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of the portal go here (docs/portal.md shows copies of them).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetFullPath(Path.Combine(Guests.Root, "..", "..")), "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        await Host.StartAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException($"Chromium is not installed at {ChromiumPath}: apt-get install chromium (test.sh does).", ChromiumPath);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (no cookies) on a 1366×768 laptop screen, at the host's address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in with the host's admin key.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/portal/signin");
        await page.GetByLabel("Admin key").FillAsync(Host.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Review queue");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
