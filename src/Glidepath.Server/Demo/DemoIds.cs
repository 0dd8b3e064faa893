namespace Glidepath.Server.Demo;

/// <summary>Version-4-shaped GUIDs drawn from the seeded generator, so a re-run gives the same ids.</summary>
internal static class DemoIds
{
    public static Guid Next(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
