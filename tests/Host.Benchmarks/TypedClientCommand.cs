using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acme.Shop.Pricing;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Sdk.Client;
using ExtensibilityHost.Testing.Api;
using Microsoft.Extensions.DependencyInjection;
using Saas.Extensibility.ExtensionPoint;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// What the clients generated from WIT cost per call over HTTP, against the untyped call they wrap: the
/// real Host.Api on Kestrel (loopback), one tenant with <c>point-echo.wat</c> (a cheap guest, so the
/// client's share shows) and <c>js-pricing.wasm</c> (a real toolchain guest). Each pair is called one
/// call at a time, in interleaved rounds after a warm-up; figures are medians over every call. The
/// untyped calls build their JSON and read the answer by hand, as application code without bindings
/// would. Last, the typed conversions alone, without HTTP.
/// </summary>
internal static class TypedClientCommand
{
    private const int Rounds = 5;
    private const string ExtensionPoint = "saas:extensibility/extension-point@1.0.0";
    private const string Pricing = "acme:shop/pricing@1.0.0";

    private static readonly Cart s_cart = new()
    {
        Customer = new Customer { Id = "c1", Tier = Tier.Gold, Country = "NL" },
        Lines = [new LineItem { Sku = "a", Quantity = 2, UnitPriceCents = 100 }, new LineItem { Sku = "b", Quantity = 1, UnitPriceCents = 50 }],
    };

    public static int Run(int callsPerRound)
    {
        RunAsync(callsPerRound).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(int callsPerRound)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EXTENSIBILITYHOST_API", RepositoryPaths.HostApi);
        var settings = RuntimeApiFixture.Settings();
        settings["environment"] = "Production";
        settings["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = "4";
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        var world = new WorldDefinition(
            "acme:shop/pricing-extension@1.0.0",
            [WorldCatalog.Default.HostInterfaces.Single(i => i.Name == "saas:extensibility/logging@1.0.0")],
            [InterfaceDefinition.Create(Pricing)]);
        await using var host = new ApiHost(settings, services => services.AddSingleton(new WorldCatalog([.. WorldCatalog.Default.Worlds, world])), kestrel: true);
        await host.StartAsync();
        var (tenant, key) = await host.CreateTenantKeyAsync("bench");
        using (var setup = host.Client(key))
        using (var admin = host.Admin())
        {
            foreach (var (name, bytes) in new[] { ("echo", WatText.ToBinary(Guests.Wat("point-echo"))), ("pricing", File.ReadAllBytes(Guests.Built("js-pricing.wasm"))) })
            {
                var version = await setup.UploadVersionAsync(tenant, name, bytes, System.Net.HttpStatusCode.Created);
                await admin.DecideVersionAsync(version.Str("id"), "approve");
            }
        }

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var client = new ExtensibilityHostClient(http);
        var echo = new ExtensionPointJsonClient(client.Exports.For(tenant, "echo"));
        var pricing = new PricingJsonClient(client.Exports.For(tenant, "pricing"));
        const string Input = """{"orderId":42,"total":1999}""";

        Call[] echoCalls =
        [
            new("point-echo typed   (ExtensionPointJsonClient.InvokeAsync)", async () => (await echo.InvokeAsync("bench", Input)).Value),
            new("point-echo untyped (ExportsClient.CallAsync)", async () =>
                (await client.Exports.CallAsync(tenant, "echo", ExtensionPoint, "invoke", [JsonValue.Create("bench"), JsonValue.Create(Input)])).Output!.Value.GetProperty("ok").GetString()!),
        ];
        Call[] pricingCalls =
        [
            new("js-pricing typed   (PricingJsonClient.DiscountAsync)", async () => (await pricing.DiscountAsync(s_cart)).Value.Note!),
            new("js-pricing untyped (ExportsClient.CallAsync)", async () => ReadQuote(await client.Exports.CallAsync(tenant, "pricing", Pricing, "discount", [CartJson()]))),
        ];
        await MeasureAsync(echoCalls, callsPerRound);
        await MeasureAsync(pricingCalls, Math.Max(1, callsPerRound / 10));
        MeasureConversions(callsPerRound * 100);
    }

    private static async Task MeasureAsync(Call[] calls, int callsPerRound)
    {
        var answers = new List<string>();
        foreach (var call in calls)
        {
            answers.Add(await call.Run());
            for (var i = 0; i < callsPerRound; i++)
            {
                await call.Run();
            }
        }

        if (answers.Distinct(StringComparer.Ordinal).Count() != 1)
        {
            throw new InvalidOperationException($"the calls answered differently: {string.Join(" | ", answers)}");
        }

        var samples = calls.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < calls.Length; c++)
            {
                for (var i = 0; i < callsPerRound; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await calls[c].Run();
                    samples[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
        }

        var medians = samples.Select(s => Percentiles.Of(s, 50)).ToArray();
        for (var c = 0; c < calls.Length; c++)
        {
            Console.WriteLine(FigureText.Invariant(
                $"{calls[c].Name,-60} median {medians[c],9:F1} µs  p99 {Percentiles.Of(samples[c], 99),9:F1} µs  ({samples[c].Count:N0} calls, {Rounds} interleaved rounds)"));
        }

        Console.WriteLine(FigureText.Invariant($"{"  typed − untyped",-60} median {medians[0] - medians[1],9:F1} µs  ({(medians[0] / medians[1] - 1) * 100:+0.0;-0.0}%)"));
    }

    /// <summary>The typed layer alone: encode the cart, decode a quote answer, as <c>DiscountAsync</c> does around the HTTP call.</summary>
    private static void MeasureConversions(int iterations)
    {
        var answer = JsonNode.Parse("""{"ok":{"discount":{"tag":"percent","value":10},"skus":["a"],"note":"c1: 2 line(s), 250 cents"}}""")!.ToJsonString();
        var samples = new double[Rounds];
        for (var round = -1; round < Rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                _ = PricingJson.EncodeCart(s_cart).ToJsonString();
                using var document = JsonDocument.Parse(answer);
                var node = JsonObject.Create(document.RootElement);
                _ = Sdk.Wit.Runtime.WitJsonValues.ToResult(node, static v => PricingJson.DecodeQuote(v), static v => Sdk.Wit.Runtime.WitJsonValues.ToText(v));
            }

            if (round >= 0)
            {
                samples[round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / iterations;
            }
        }

        Console.WriteLine(FigureText.Invariant(
            $"{"typed conversions alone (encode cart + decode quote result)",-60} median {Percentiles.Of(samples, 50),9:F2} µs per call  ({iterations:N0} calls × {Rounds} rounds, no HTTP)"));
    }

    private static JsonObject CartJson() => new()
    {
        ["customer"] = new JsonObject { ["id"] = "c1", ["tier"] = "gold", ["country"] = "NL" },
        ["lines"] = new JsonArray(
            new JsonObject { ["sku"] = "a", ["quantity"] = 2, ["unit-price-cents"] = 100 },
            new JsonObject { ["sku"] = "b", ["quantity"] = 1, ["unit-price-cents"] = 50 }),
        ["coupon"] = null,
    };

    private static string ReadQuote(ExportCallResult result)
    {
        var quote = result.Output!.Value.GetProperty("ok");
        _ = quote.GetProperty("discount").GetProperty("tag").GetString();
        _ = quote.GetProperty("skus").EnumerateArray().Select(s => s.GetString()).ToList();
        return quote.GetProperty("note").GetString()!;
    }

    private sealed record Call(string Name, Func<Task<string>> Run);
}
