using Glidepath.Ml.Native;
using TorchSharp;

namespace Glidepath.Ml.Tests.Native;

/// <summary>
/// libtorch really loads in this test host (from the NuGet packages, through the weakened copy of the
/// bridge where the machine's libstdc++ is older than GCC 13's; docs/anomalies.md "Installing").
/// </summary>
public class TorchNativeTests
{
    [Fact]
    public void EnsureLoaded_ThenTorch_ComputesOnTheCpu()
    {
        TorchNative.EnsureLoaded();
        Assert.True(TorchNative.State is "shipped" or "not Linux" || TorchNative.State.StartsWith("patched copy at ", StringComparison.Ordinal), TorchNative.State);

        using var a = torch.tensor(new float[] { 1, 2, 3 });
        using var b = torch.tensor(new float[] { 4, 5, 6 });
        using var dot = a.dot(b);
        Assert.Equal(32f, dot.item<float>()); // 1·4 + 2·5 + 3·6
        Assert.Equal(DeviceType.CPU, dot.device_type);
    }

    [Fact]
    public void WeakenVersion_ShippedBridge_MarksOnlyThatRequirementWeak()
    {
        var bridge = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(bridge), bridge);
        var original = File.ReadAllBytes(bridge);

        var patched = TorchNative.WeakenVersion(original, "GLIBCXX_3.4.32");

        Assert.NotNull(patched);
        Assert.Equal(original.Length, patched.Length);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        var at = Assert.Single(changed); // one byte: the low byte of vna_flags
        Assert.Equal(original[at] | 2, patched[at]);
        Assert.Null(TorchNative.WeakenVersion(original, "GLIBCXX_9.9.99")); // not required: nothing to do
        Assert.Null(TorchNative.WeakenVersion([1, 2, 3], "GLIBCXX_3.4.32")); // not an ELF file
    }
}
