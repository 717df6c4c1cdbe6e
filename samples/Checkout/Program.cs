using ExtensibilityHost.Sdk.Client;

var builder = WebApplication.CreateBuilder(args);

// Where the host is, and this application's key: an admin key acts on every tenant.
builder.Services.AddExtensibilityHostClient(options =>
{
    options.BaseAddress = new Uri(builder.Configuration["Extensions:Url"] ?? "http://localhost:5000");
    options.ApiKey = builder.Configuration["Extensions:ApiKey"];
});

var app = builder.Build();

// Checkout: the tenant's pricing extension may discount the cart, and its order.placed handlers
// may veto the order. The tenant's code failing never fails the checkout.
app.MapPost("/tenants/{tenant}/checkout", async (
    string tenant, Cart cart, ExtensibilityHostClient extensions, HttpContext http, ILogger<Cart> logger, CancellationToken ct) =>
{
    var totalCents = cart.Lines.Sum(line => line.Quantity * line.UnitPriceCents);
    try
    {
        var quote = await extensions.ExtensionPoints.InvokeAsync<Cart, Discount>(tenant, "pricing.discount", cart, cancellationToken: ct);
        totalCents -= Math.Clamp(quote.Value?.AmountCents ?? 0, 0, totalCents);
    }
    catch (ExtensionCallFailedException failed)
    {
        // Timeout, trap, err, out of memory…: sell at list price; the invocation id finds its log.
        Log.PricingFailed(logger, tenant, failed.Outcome, failed.InvocationId);
    }
    catch (NotFoundException)
    {
        // The tenant has bound no pricing extension.
    }

    // The order id doubles as the event id: retrying a failed publish cannot deliver it twice.
    var orderId = Guid.CreateVersion7().ToString();
    try
    {
        var placed = await extensions.Events.PublishAsync(tenant, "order.placed", new { orderId, totalCents }, eventId: orderId, cancellationToken: ct);
        return placed.Vetoed
            ? Results.Problem(title: "The order was refused", detail: placed.Reason, statusCode: StatusCodes.Status422UnprocessableEntity)
            : Results.Ok(new { orderId, totalCents });
    }
    catch (TenantRateLimitedException limited)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(limited.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(title: "Too many orders at once; retry shortly", statusCode: StatusCodes.Status429TooManyRequests);
    }
});

app.Run();

/// <summary>What the customer buys; sent to the pricing extension as WIT JSON (kebab-case names).</summary>
internal sealed record Cart(string CustomerId, IReadOnlyList<CartLine> Lines);

internal sealed record CartLine(string Sku, int Quantity, int UnitPriceCents);

/// <summary>The pricing extension's answer.</summary>
internal sealed record Discount(int AmountCents, string? Reason);

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "pricing.discount of {Tenant} failed: {Outcome}, invocation {InvocationId}")]
    public static partial void PricingFailed(ILogger logger, string tenant, string? outcome, Guid? invocationId);
}
