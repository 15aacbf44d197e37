using System.Net;
using Open311.Core.Outbound;

namespace Open311.Core.Tests.Outbound;

public sealed class AddressClassification
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:a9fe:a9fe::1", "link-local")]
    public void AddressesThatAreNotPublicAreNamed(string address, string kind)
    {
        Assert.Contains(kind, AddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::6810:85e5")]
    [InlineData("::ffff:8.8.8.8")]
    public void PublicAddressesPass(string address)
    {
        Assert.Null(AddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Fact]
    public void AnAllowedRangeLetsItsAddressesThroughAndNoOthers()
    {
        var policy = new AddressPolicy(AddressPolicy.ParseNetworks("10.20.0.0/16, 127.0.0.1"));

        Assert.Null(policy.Refusal(IPAddress.Parse("10.20.3.4")));
        Assert.Null(policy.Refusal(IPAddress.Parse("::ffff:10.20.3.4")));
        Assert.Null(policy.Refusal(IPAddress.Parse("127.0.0.1")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("10.21.0.1")));
    }

    [Fact]
    public void ABadRangeInTheSettingIsNamed()
    {
        var error = Assert.Throws<FormatException>(() => AddressPolicy.ParseNetworks("10.0.0.0/8, intranet"));

        Assert.Contains("'intranet'", error.Message);
    }
}
