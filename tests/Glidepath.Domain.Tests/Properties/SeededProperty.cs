using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Glidepath.Domain.Tests.Properties;

/// <summary>
/// A property over generator seeds drawn from the whole <see cref="int"/> range (FsCheck's plain
/// <c>int</c> stays within ±100, so 300 cases were about 120 distinct inputs). The property says
/// whether a case asserted anything (a precondition it checks can leave a case vacuous); the run
/// fails unless at least <c>minimumAsserting</c> of the cases asserted, and writes the share to the
/// test output. A failing case names its seed: replay it with the generator directly.
/// </summary>
public static class SeededProperty
{
    public static void Check(ITestOutputHelper output, string name, int cases, double minimumAsserting, Func<int, bool> property)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (ran, asserted) = (0, 0);
        var run = Prop.ForAll(ArbMap.Default.ArbFor<DoNotSize<int>>(), (DoNotSize<int> seed) =>
        {
            ran++;
            if (property(seed.Item))
            {
                asserted++;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), run);

        var share = (double)asserted / ran;
        output.WriteLine($"{name}: asserted in {asserted} of {ran} cases ({share:P1}); at least {minimumAsserting:P0} required");
        Assert.True(share >= minimumAsserting, $"{name} asserted in only {asserted} of {ran} generated cases ({share:P1}), below {minimumAsserting:P0}: its generator misses the precondition");
    }
}
