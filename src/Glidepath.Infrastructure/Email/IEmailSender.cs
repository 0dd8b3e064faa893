namespace Glidepath.Infrastructure.Email;

/// <summary>Sends one plain-text e-mail. Development and tests use <see cref="PickupFolderEmailSender"/>; SMTP comes later.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed record EmailMessage(string To, string Subject, string Body);
