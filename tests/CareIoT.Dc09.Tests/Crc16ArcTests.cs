using System.Text;

namespace CareIoT.Dc09.Tests;

public sealed class Crc16ArcTests
{
    [Fact]
    public void CheckValueOfTheStandardTestStringIsBB3D() =>
        Assert.Equal(0xBB3D, Crc16Arc.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void EmptyInputHasTheInitialValueZero() => Assert.Equal(0, Crc16Arc.Compute([]));

    [Fact]
    public void TableDrivenCrcAgreesWithTheBitwiseReferenceOnRandomBytes()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            Assert.Equal(ReferenceCrc.Compute(bytes), Crc16Arc.Compute(bytes));
        }
    }
}
