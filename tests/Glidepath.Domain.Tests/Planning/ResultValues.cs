using Glidepath.Domain.Results;
using Xunit.Sdk;

namespace Glidepath.Domain.Tests.Planning;

/// <summary>A result's value in a test that expects one; its problem fails the test, named.</summary>
internal static class ResultValues
{
    public static T Ok<T>(this Result<T> result) => result.Match(value => value, problem => throw new XunitException($"expected a value, got {problem}"));
}
