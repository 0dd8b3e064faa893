using Glidepath.Server.Errors;

namespace Glidepath.Server.Api;

/// <summary>What an endpoint filter's result really is, under the <c>Results&lt;…&gt;</c> unions and <see cref="ProblemAnswer"/> that wrap it.</summary>
internal static class InnerResult
{
    public static object? Of(object? result)
    {
        while (result is INestedHttpResult or ProblemAnswer)
        {
            result = result is ProblemAnswer answer ? answer.Inner : ((INestedHttpResult)result).Result;
        }

        return result;
    }
}
