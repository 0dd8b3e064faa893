using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Glidepath.Infrastructure.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit: one connection per message (notification
/// mail is low volume), plain text with an HTML alternative when the message has one. Logs the
/// recipient's domain only, never the address, the body or the credentials.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> log) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        using var mime = Build(message, smtp.From);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, SecurityOf(smtp), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(DomainOf(message.To));
    }

    public static MimeMessage Build(EmailMessage message, string from)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        var mime = new MimeMessage { Subject = message.Subject, Body = body.ToMessageBody() };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    private static SecureSocketOptions SecurityOf(SmtpOptions smtp) => smtp.Security switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string DomainOf(string address) => address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..] : "?";

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail sent through SMTP to a recipient at {Domain}")]
    private partial void LogSent(string domain);
}
