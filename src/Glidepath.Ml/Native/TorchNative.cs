using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;

namespace Glidepath.Ml.Native;

/// <summary>
/// Loads TorchSharp's native bridge (libLibTorchSharp.so) on Linux machines whose C++ runtime is older
/// than the one it was linked against (docs/anomalies.md, "Installing"). TorchSharp 0.107.0's Linux
/// build, made with GCC 15, asks libstdc++ for the symbol version GLIBCXX_3.4.32 (GCC 13 and later) for
/// one symbol only, <c>std::ios_base_library_init()</c>, which GCC 13's &lt;iostream&gt; references
/// (a bare <c>.globl</c>, never called or relocated) to make sure a new enough libstdc++ initialises the
/// standard streams. Debian 12 ships GCC 12's libstdc++ (up to GLIBCXX_3.4.30), so the loader refuses
/// the file. When the shipped file does not load, this class writes a copy in which that one version
/// requirement is marked weak (VER_FLG_WEAK in .gnu.version_r: glibc then only notes its absence), loads
/// libtorch from the package's folder and the copy, and answers TorchSharp's own load of "LibTorchSharp"
/// with it. The streams are still initialised before use: libtorch's own translation units, built by an
/// older GCC, construct std::ios_base::Init. Where the shipped file loads (a newer libstdc++, Windows,
/// macOS) nothing is copied.
/// </summary>
public static class TorchNative
{
    private const string Bridge = "libLibTorchSharp.so";
    private const string Version = "GLIBCXX_3.4.32";
    private static readonly Lock Gate = new();
    private static string? state;

    /// <summary>How the bridge was loaded: "shipped", "patched copy at PATH", "not Linux", or why it was not.</summary>
    public static string State
    {
        get
        {
            EnsureLoaded();
            return state!;
        }
    }

    /// <summary>Call before the first use of TorchSharp; cheap after the first call.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            state ??= Load();
        }
    }

    private static string Load()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        var torchSharp = typeof(torch).Assembly;
        var folder = NativeFolders(torchSharp).FirstOrDefault(f => File.Exists(Path.Combine(f, Bridge)));
        if (folder is null)
        {
            return "not found"; // TorchSharp's own loader reports what is missing.
        }

        var shipped = Path.Combine(folder, Bridge);
        if (NativeLibrary.TryLoad(shipped, out _))
        {
            return "shipped";
        }

        var patched = WeakenVersion(File.ReadAllBytes(shipped), Version);
        if (patched is null)
        {
            return "unpatchable"; // another cause: TorchSharp's loader reports it.
        }

        var copy = WriteCopy(patched);
        foreach (var library in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            NativeLibrary.Load(Path.Combine(folder, library));
        }

        var handle = NativeLibrary.Load(copy);
        try
        {
            NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == "LibTorchSharp" ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            return "resolver already set"; // someone else loads TorchSharp's natives in this process.
        }

        return "patched copy at " + copy;
    }

    private static IEnumerable<string> NativeFolders(Assembly torchSharp)
    {
        foreach (var root in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(torchSharp.Location) ?? "" })
        {
            yield return Path.Combine(root, "runtimes", "linux-x64", "native");
            yield return root;
        }
    }

    /// <summary>
    /// Writes the copy under the user's local data folder (else the temp folder, e.g. in a container with a
    /// read-only root and a tmpfs on /tmp), named by its hash; reuses a matching one.
    /// </summary>
    private static string WriteCopy(byte[] patched)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(patched))[..16];
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var roots = string.IsNullOrEmpty(local) ? [Path.GetTempPath()] : new[] { local, Path.GetTempPath() };
        for (var i = 0; ; i++)
        {
            try
            {
                return WriteCopy(patched, Path.Combine(roots[i], "glidepath", "torchsharp", hash));
            }
            catch (Exception e) when (i < roots.Length - 1 && e is IOException or UnauthorizedAccessException)
            {
                // not writable here: try the next folder
            }
        }
    }

    private static string WriteCopy(byte[] patched, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Bridge);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(patched))
        {
            return path;
        }

        var temporary = Path.Combine(folder, $"{Bridge}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, patched);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// The ELF64 little-endian file with the flags of every version-needed entry named
    /// <paramref name="version"/> or-ed with VER_FLG_WEAK (2); null when the file is not such an ELF or
    /// needs no such version. Layouts: the ELF header (e_shoff at 0x28, e_shentsize and e_shnum at 0x3A),
    /// section headers (sh_type at +4, sh_offset at +24, sh_link at +40, sh_info at +44), Elf64_Verneed
    /// (vn_cnt at +2, vn_aux at +8, vn_next at +12) and Elf64_Vernaux (vna_flags at +4, vna_name at +8,
    /// vna_next at +12).
    /// </summary>
    internal static byte[]? WeakenVersion(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            return null;
        }

        var copy = (byte[])elf.Clone();
        var span = copy.AsSpan();
        var sectionOffset = (long)BitConverter.ToUInt64(copy, 0x28);
        var sectionSize = BitConverter.ToUInt16(copy, 0x3A);
        var sections = BitConverter.ToUInt16(copy, 0x3C);
        var changed = false;
        for (var s = 0; s < sections; s++)
        {
            var header = (int)(sectionOffset + (s * sectionSize));
            if (BitConverter.ToUInt32(copy, header + 4) != 0x6FFFFFFE)
            {
                continue; // not SHT_GNU_verneed
            }

            var strings = (int)(sectionOffset + (BitConverter.ToUInt32(copy, header + 40) * sectionSize));
            var stringsOffset = (int)BitConverter.ToUInt64(copy, strings + 24);
            var entry = (int)BitConverter.ToUInt64(copy, header + 24);
            var count = BitConverter.ToUInt32(copy, header + 44);
            for (var n = 0; n < count; n++)
            {
                var aux = entry + (int)BitConverter.ToUInt32(copy, entry + 8);
                for (var a = 0; a < BitConverter.ToUInt16(copy, entry + 2); a++)
                {
                    var name = stringsOffset + (int)BitConverter.ToUInt32(copy, aux + 8);
                    var end = span[name..].IndexOf((byte)0);
                    if (System.Text.Encoding.ASCII.GetString(copy, name, end) == version)
                    {
                        var flags = (ushort)(BitConverter.ToUInt16(copy, aux + 4) | 2);
                        BitConverter.TryWriteBytes(span[(aux + 4)..], flags);
                        changed = true;
                    }

                    aux += (int)BitConverter.ToUInt32(copy, aux + 12);
                }

                entry += (int)BitConverter.ToUInt32(copy, entry + 12);
            }
        }

        return changed ? copy : null;
    }
}
