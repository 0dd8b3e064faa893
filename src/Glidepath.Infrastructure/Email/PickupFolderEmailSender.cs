using System.Globalization;
using System.Text;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Email;

/// <summary>
/// Writes each message as a .eml file into a pickup folder (<c>Email:PickupFolder</c>, default
/// <c>./data/mail</c>, created 0700, each file 0600) instead of sending it; a message with attachments is written as
/// the MIME message SMTP would carry. The folder is a mailbox, not a log: it holds the links
/// and tokens the messages carry, so it must be treated like the mail server it stands in for.
/// </summary>
public sealed class PickupFolderEmailSender(string folder, TimeProvider clock) : IEmailSender
{
    public string Folder => folder;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        PrivateFiles.CreateFolder(folder);
        var now = clock.GetUtcNow();
        var name = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        if (message.Attachments is { Count: > 0 })
        {
            // With attachments the file is the MIME message SMTP would send, so a mail client (or MimeKit) opens it.
            using var mime = SmtpEmailSender.Build(message, "glidepath@localhost");
            mime.Date = now;
            await using var eml = new FileStream(Path.Combine(folder, name), PrivateFiles.NewFile());
            await mime.WriteToAsync(eml, cancellationToken);
            return;
        }

        var text = new StringBuilder()
            .Append("Date: ").AppendLine(now.ToString("r", CultureInfo.InvariantCulture))
            .Append("To: ").AppendLine(message.To)
            .Append("Subject: ").AppendLine(message.Subject)
            .AppendLine("Content-Type: text/plain; charset=utf-8")
            .AppendLine()
            .AppendLine(message.Body);
        // 0600: a message carries live confirmation and reset tokens.
        await using var file = new FileStream(Path.Combine(folder, name), PrivateFiles.NewFile());
        await using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(text.ToString().AsMemory(), cancellationToken);
    }
}
