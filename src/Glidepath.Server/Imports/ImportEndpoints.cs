namespace Glidepath.Server.Imports;

public static class ImportEndpoints
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services;
}
