using Glidepath.Application.Audit;

namespace Glidepath.Server.Audit;

/// <summary>The current request's remote address (behind a proxy, as ForwardedHeaders set it).</summary>
public sealed class RequestClientAddress(IHttpContextAccessor http) : IClientAddress
{
    public string? Current => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
