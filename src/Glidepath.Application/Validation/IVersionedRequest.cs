namespace Glidepath.Application.Validation;

/// <summary>
/// An update that carries the version its client read: a stale one is a conflict, so two editors cannot overwrite
/// each other unseen. The API's <c>If-Match</c> header may supply the version instead of the body (docs/api.md).
/// </summary>
public interface IVersionedRequest
{
    /// <summary>The same request with <paramref name="version"/> as the version read.</summary>
    IVersionedRequest WithVersion(long version);
}
