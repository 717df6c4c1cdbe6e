using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Core.Tests.Events;

public sealed class DeliveryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(6, 64)]
    public void Delay_MaximalJitter_DoublesWithEachAttempt(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryBackoff.Delay(attempts, Base, Max, random: 1.0));

    [Fact]
    public void Delay_NoJitter_IsHalfTheCeiling() =>
        Assert.Equal(TimeSpan.FromSeconds(4), DeliveryBackoff.Delay(3, Base, Max, random: 0.0));

    [Theory]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void Delay_ManyAttempts_IsCappedAtTheMaximum(int attempts) =>
        Assert.Equal(Max, DeliveryBackoff.Delay(attempts, Base, Max, random: 1.0));

    [Fact]
    public void Delay_ZeroAttempts_IsTheBase() =>
        Assert.Equal(Base, DeliveryBackoff.Delay(0, Base, Max, random: 1.0));
}
