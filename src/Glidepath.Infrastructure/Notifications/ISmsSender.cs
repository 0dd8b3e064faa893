using Microsoft.Extensions.Logging;

namespace Glidepath.Infrastructure.Notifications;

/// <summary>Sends a short text to a user's phone. The only implementation logs (<see cref="LoggingSmsSender"/>); a gateway plugs in here.</summary>
public interface ISmsSender
{
    Task SendAsync(Guid userId, string phoneNumber, string eventType, string text, CancellationToken ct);
}

/// <summary>Sends a push message to a user's devices. The only implementation logs (<see cref="LoggingPushSender"/>).</summary>
public interface IPushSender
{
    Task SendAsync(Guid userId, string eventType, string title, CancellationToken ct);
}

/// <summary>Logs that an SMS would go out: the kind, the user's id and the number's last two digits; never the text or the full number.</summary>
public sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> log) : ISmsSender
{
    public Task SendAsync(Guid userId, string phoneNumber, string eventType, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        LogSms(eventType, userId, Mask(phoneNumber));
        return Task.CompletedTask;
    }

    /// <summary>All but the last two digits hidden: enough to tell two numbers apart in a log, not to call one.</summary>
    public static string Mask(string phoneNumber)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        var digits = phoneNumber.Where(char.IsAsciiDigit).ToArray();
        return digits.Length < 2 ? "**" : "***" + new string(digits[^2..]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {EventType} to user {UserId} ({Phone}) (logging sender: nothing sent)")]
    private partial void LogSms(string eventType, Guid userId, string phone);
}

/// <summary>Logs that a push message would go out: the kind and the user's id only.</summary>
public sealed partial class LoggingPushSender(ILogger<LoggingPushSender> log) : IPushSender
{
    public Task SendAsync(Guid userId, string eventType, string title, CancellationToken ct)
    {
        LogPush(eventType, userId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push {EventType} to user {UserId} (logging sender: nothing sent)")]
    private partial void LogPush(string eventType, Guid userId);
}
