using Glidepath.Infrastructure.Email;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth.External;
using Glidepath.Server.Auth.Mfa;
using Glidepath.Server.Auth.Passwords;
using Glidepath.Server.Auth.Tokens;
using Glidepath.Server.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Glidepath.Server.Auth;

/// <summary>
/// ASP.NET Core Identity on the EF Core stores (password hashing, lockout, TOTP, e-mail tokens),
/// JWT bearer validation against the signing key ring, the named policies and the audit log.
/// </summary>
public static class AuthRegistration
{
    public static IServiceCollection AddGlidepathAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        services.Configure<AuthOptions>(section);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();

        services.AddHttpContextAccessor();
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<SignInTiming>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<TokenPair>();
        services.AddScoped<IClientAddress, RequestClientAddress>();
        services.AddEmail(configuration, auth.EmailPickupFolder);

        // E-mail confirmation and reset tokens are data-protected; keep their keys with the signing keys.
        // Created 0700 here, since Data Protection writes its key files with the process umask.
        var dataProtectionFolder = Path.Combine(Path.GetFullPath(auth.KeyFolder), "data-protection");
        PrivateFiles.CreateFolder(dataProtectionFolder);
        services.AddDataProtection().SetApplicationName("glidepath").PersistKeysToFileSystem(new DirectoryInfo(dataProtectionFolder));

        services.AddIdentityCore<GlidepathUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.ClaimsIdentity.UserIdClaimType = AuthClaims.Subject;
                o.ClaimsIdentity.RoleClaimType = AuthClaims.Role;
                // NIST SP 800-63B: length and a block list (NistPasswordValidator), no composition rules.
                o.Password.RequiredLength = auth.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
                o.SignIn.RequireConfirmedEmail = auth.RequireConfirmedEmail;
            })
            .AddRoles<GlidepathRole>()
            .AddEntityFrameworkStores<GlidepathDbContext>()
            .AddUserStore<SecondFactorUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeTotpProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<NistPasswordValidator>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer().AddExternalLogins(configuration);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IOptions<AuthOptions>>((jwt, ring, options) =>
            {
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Value.Issuer,
                    ValidAudience = options.Value.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    IssuerSigningKeyResolver = (_, _, kid, _) => ring.Resolve(kid),
                    NameClaimType = AuthClaims.Subject,
                    RoleClaimType = AuthClaims.Role,
                };
            });
        services.AddGlidepathPolicies();
        return services;
    }
}
