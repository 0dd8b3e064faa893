using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Glidepath.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set, else the pickup folder <paramref name="pickupFolder"/>.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, string pickupFolder)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => !o.Smtp.Configured || o.Smtp.Port is > 0 and < 65536, "Email:Smtp:Port is 1 to 65535.")
            .ValidateOnStart();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Configured
            ? sp.GetRequiredService<SmtpEmailSender>()
            : new PickupFolderEmailSender(Path.GetFullPath(pickupFolder), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
