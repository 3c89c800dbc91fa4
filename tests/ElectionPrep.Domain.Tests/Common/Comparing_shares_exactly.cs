using ElectionPrep.Common;

namespace ElectionPrep.Common;

public class Comparing_shares_exactly
{
    [Theory]
    [InlineData("35%", 35, 100)]
    [InlineData("2/3", 2, 3)]
    [InlineData("1/2", 1, 2)]
    [InlineData("100%", 100, 100)]
    [InlineData("88.02%", 8802, 10000)]
    [InlineData("34.5%", 345, 1000)]
    public void A_share_is_read_as_a_percentage_or_a_fraction(string text, int numerator, int denominator)
    {
        var share = Fraction.Parse(text);

        Assert.Equal((numerator, denominator), (share.Numerator, share.Denominator));
        Assert.Equal(text, share.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("35")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("101%")]
    [InlineData("0.35")]
    [InlineData("35.001%")]
    public void Anything_else_is_not_a_share(string text) => Assert.False(Fraction.TryParse(text, out _));

    [Theory]
    [InlineData(35, 100, true)]
    [InlineData(3499, 10000, false)]
    [InlineData(3500, 10000, true)]
    [InlineData(7, 20, true)]
    [InlineData(6, 20, false)]
    public void At_least_35_percent_is_met_only_from_exactly_35_percent(int part, int whole, bool met) =>
        Assert.Equal(met, Fraction.Parse("35%").IsMetBy(part, whole));

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(66, 100, false)]
    [InlineData(67, 100, true)]
    public void Two_thirds_is_exact(int part, int whole, bool met) =>
        Assert.Equal(met, Fraction.Parse("2/3").IsMetBy(part, whole));

    [Theory]
    [InlineData(50, 100, false)]
    [InlineData(51, 100, true)]
    [InlineData(2, 3, true)]
    public void More_than_half_excludes_exactly_half(int part, int whole, bool exceeded) =>
        Assert.Equal(exceeded, Fraction.Parse("1/2").IsExceededBy(part, whole));
}
