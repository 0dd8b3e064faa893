namespace Glidepath.Infrastructure.Email;

/// <summary>
/// Sends one e-mail: <see cref="SmtpEmailSender"/> when <c>Email:Smtp:Host</c> is set, otherwise
/// <see cref="PickupFolderEmailSender"/> (development and tests).
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <param name="Body">The plain-text part (always sent).</param>
/// <param name="HtmlBody">An HTML alternative, already encoded; null for plain text only.</param>
/// <param name="Attachments">Files sent with the message (an ICS invitation); null or empty for none.</param>
public sealed record EmailMessage(string To, string Subject, string Body, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <param name="ContentType">The MIME type with its parameters, e.g. <c>text/calendar; method=REQUEST; charset=utf-8</c>.</param>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
