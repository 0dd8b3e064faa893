namespace Glidepath.Infrastructure.Import;

/// <summary>Collects row errors up to a cap, so a wholly wrong million-row file cannot exhaust memory.</summary>
internal sealed class ImportErrors(int max)
{
    private readonly List<ImportError> _errors = [];
    private int _dropped;

    public int Count => _errors.Count + _dropped;

    public void Add(ImportError error)
    {
        if (_errors.Count < max)
        {
            _errors.Add(error);
        }
        else
        {
            _dropped++;
        }
    }

    public IReadOnlyList<ImportError> ToList() =>
        _dropped == 0 ? _errors.ToList() : [.. _errors, new ImportError(0, null, $"… and {_dropped} more errors.")];
}
