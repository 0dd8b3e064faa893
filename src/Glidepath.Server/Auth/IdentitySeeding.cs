using Glidepath.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Glidepath.Server.Auth;

public static class IdentitySeeding
{
    /// <summary>Creates the four roles where missing (every start; cheap and idempotent).</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<GlidepathRole>>();
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new GlidepathRole { Id = Guid.NewGuid(), Name = name });
                if (!result.Succeeded && !await roles.RoleExistsAsync(name))
                {
                    throw new InvalidOperationException($"Could not create role {name}: " + string.Join("; ", result.Errors.Select(e => e.Code)));
                }
            }
        }
    }
}
