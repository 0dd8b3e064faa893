using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Infrastructure.Backups;

/// <summary>A finished backup: the file, which provider wrote it, its size and when it was taken.</summary>
public sealed record BackupFile(string Path, DatabaseProvider Provider, long Bytes, DateTimeOffset CreatedUtc);

/// <summary>What a restore did: the file restored and whether a database that held data was overwritten.</summary>
public sealed record RestoredBackup(string Path, DatabaseProvider Provider, bool Overwrote);
