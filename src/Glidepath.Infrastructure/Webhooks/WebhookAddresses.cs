using System.Net;
using System.Net.Sockets;

namespace Glidepath.Infrastructure.Webhooks;

/// <summary>
/// Where webhooks may go (SSRF): https to a public address. Checked twice: the URL when a
/// subscription is saved (<see cref="CheckUrl"/>), and every address the host resolves to at connect
/// time (<see cref="ConnectAsync"/>), so a name that later resolves to 10.0.0.1 or 169.254.169.254 is
/// refused too. Loopback (and http to it) only where <c>Webhooks:AllowLoopback</c> is on (Development).
/// </summary>
public static class WebhookAddresses
{
    public const int MaxUrlLength = 2000;

    /// <summary>Null when the URL may be subscribed, else why not.</summary>
    public static string? CheckUrl(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"The URL must be absolute, at most {MaxUrlLength} characters.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The URL must not carry a user name or password.";
        }

        var loopback = uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback && allowLoopback))
        {
            return "The URL must use https.";
        }

        if (loopback && !allowLoopback)
        {
            return "Loopback addresses are refused.";
        }

        return IPAddress.TryParse(uri.IdnHost, out var ip) && !IsAllowed(ip, allowLoopback)
            ? "Private, link-local and reserved addresses are refused."
            : null;
    }

    /// <summary>Public unicast only (plus loopback when allowed).</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19)); // benchmarking
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
                || address.IsIPv6Multicast || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)); // 2001:db8::/32 documentation
        }

        return false;
    }

    /// <summary>
    /// <c>SocketsHttpHandler.ConnectCallback</c>: resolves the host, refuses the connection if ANY of its
    /// addresses is not allowed (a rebinding name cannot pick a private one later), and connects to the
    /// checked addresses only.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowLoopback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        if (addresses.Length == 0 || addresses.Any(a => !IsAllowed(a, allowLoopback)))
        {
            throw new WebhookAddressRefusedException($"{host} resolves to an address webhooks may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A connection refused by <see cref="WebhookAddresses"/>: never retried into success, reported as the delivery's error.</summary>
public sealed class WebhookAddressRefusedException(string message) : IOException(message);
