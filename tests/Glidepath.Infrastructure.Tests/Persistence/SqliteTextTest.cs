using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Tests.Persistence;

/// <summary>The bulk insert's UTF-8 text forms equal Microsoft.Data.Sqlite's own (its format strings, applied by .NET).</summary>
public sealed class SqliteTextTest
{
    [Property(MaxTest = 2000, Arbitrary = [typeof(Decimals)])]
    public void Decimal_IsWrittenAsMicrosoftDataSqliteWritesIt(decimal value) =>
        Assert.Equal(Reference(value), Written(value));

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.000")]
    [InlineData("-0.000")]
    [InlineData("1")]
    [InlineData("100")]
    [InlineData("1.50")]
    [InlineData("-1.50")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("-0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("7.9228162514264337593543950335")]
    [InlineData("12345678901234567.25")]
    public void Decimal_EdgeCases(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(Reference(value), Written(value));
    }

    [Fact]
    public void Date_EveryDayOfTheCalendar_IsWrittenAsMicrosoftDataSqliteWritesIt()
    {
        Span<byte> buffer = stackalloc byte[16];
        for (var day = DateOnly.MinValue.DayNumber; day <= DateOnly.MaxValue.DayNumber; day += 7)
        {
            var date = DateOnly.FromDayNumber(day);
            var length = SqliteText.Format(date, buffer);
            Assert.Equal(Reference(date), Encoding.UTF8.GetString(buffer[..length]));
        }
    }

    [Property(MaxTest = 2000)]
    public void Guid_IsWrittenInUpperCaseDForm(Guid value)
    {
        var buffer = new byte[64];
        var length = SqliteText.Format(value, buffer);
        Assert.Equal(value.ToString("D").ToUpperInvariant(), Encoding.UTF8.GetString(buffer, 0, length));
    }

    // Microsoft.Data.Sqlite's own format strings for the values it binds as text (SqliteValueBinder).
    private static string Reference(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    private static string Reference(DateOnly value) => value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);

    private static string Written(decimal value)
    {
        var buffer = new byte[64];
        return Encoding.UTF8.GetString(buffer, 0, SqliteText.Format(value, buffer));
    }

    /// <summary>Decimals of every scale 0-28 and magnitude, signs and zeros included.</summary>
    public static class Decimals
    {
        public static Arbitrary<decimal> Decimal() =>
            (from lo in ArbMap.Default.GeneratorFor<int>()
             from mid in ArbMap.Default.GeneratorFor<int>()
             from hi in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 1000), ArbMap.Default.GeneratorFor<int>())
             from negative in ArbMap.Default.GeneratorFor<bool>()
             from scale in Gen.Choose(0, 28)
             select new decimal(lo, mid, hi, negative, (byte)scale)).ToArbitrary();
    }
}
