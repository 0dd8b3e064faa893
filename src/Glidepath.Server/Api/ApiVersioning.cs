namespace Glidepath.Server.Api;

/// <summary>The API's version segment: routes are mapped under <see cref="VersionedPrefix"/>.</summary>
public static class ApiVersioning
{
    public const string VersionedPrefix = "/api/v1";
    public const string UnversionedPrefix = "/api";
}
