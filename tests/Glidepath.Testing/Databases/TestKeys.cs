using System.Globalization;
using System.Security.Cryptography;
using Glidepath.Infrastructure.Encryption;

namespace Glidepath.Testing.Databases;

/// <summary>
/// A field-encryption key ring for tests, with its material at hand so it can be handed to a host as
/// configuration. <see cref="Default"/> is random per test run and shared, so every test context
/// shares one EF model; rotation tests derive rings with <see cref="WithNewActiveKey"/>.
/// </summary>
public sealed class TestKeys
{
    private readonly Dictionary<uint, byte[]> keys;

    private TestKeys(Dictionary<uint, byte[]> keys, uint active)
    {
        this.keys = keys;
        ActiveKeyId = active;
        Ring = new FieldKeyRing(keys, active);
    }

    public static TestKeys Default { get; } = New(1);

    public uint ActiveKeyId { get; }

    public FieldKeyRing Ring { get; }

    public IReadOnlyDictionary<uint, byte[]> Material => keys;

    /// <summary>A ring of fresh random keys with these ids; the last is active.</summary>
    public static TestKeys New(params uint[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new(ids.ToDictionary(id => id, _ => RandomNumberGenerator.GetBytes(32)), ids[^1]);
    }

    /// <summary>This ring plus a fresh key <paramref name="id"/>, which becomes active.</summary>
    public TestKeys WithNewActiveKey(uint id) => new(new Dictionary<uint, byte[]>(keys) { [id] = RandomNumberGenerator.GetBytes(32) }, id);

    /// <summary>This ring without key <paramref name="id"/> (a retired key); the active key must stay.</summary>
    public TestKeys Without(uint id)
    {
        var rest = new Dictionary<uint, byte[]>(keys);
        rest.Remove(id);
        return new(rest, ActiveKeyId);
    }

    /// <summary>The ring as configuration (<c>Encryption:Keys:{id}</c>, <c>Encryption:ActiveKey</c>).</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues
    {
        get
        {
            var values = keys.ToDictionary(
                k => "Encryption:Keys:" + k.Key.ToString(CultureInfo.InvariantCulture), k => (string?)Convert.ToBase64String(k.Value));
            values["Encryption:ActiveKey"] = ActiveKeyId.ToString(CultureInfo.InvariantCulture);
            return values;
        }
    }
}
