namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// Progress as the share of simulated path-months done, reported as blocks finish (at most about
/// 200 reports a run, from any worker thread, so a value may arrive after a larger one; the
/// server's run keeps the largest).
/// </summary>
internal sealed class BlockProgress(IProgress<double>? sink, int blocks, int[] yearEnds, int horizonMonths, CancellationToken cancellation)
{
    private const int Reports = 200;
    private readonly Lock _reportLock = new();
    private int _done;
    private int _lastReported = -1;
    private double _from, _width;

    public void StartSegment(int firstYear, int lastYear)
    {
        _from = firstYear == 0 ? 0 : (double)yearEnds[firstYear - 1] / horizonMonths;
        _width = ((double)yearEnds[lastYear - 1] / horizonMonths) - _from;
        Volatile.Write(ref _done, 0);
    }

    public void BlockDone()
    {
        // Blocks already running when a cancel arrives still finish; they report nothing more.
        if (sink is null || cancellation.IsCancellationRequested)
        {
            return;
        }

        var done = Interlocked.Increment(ref _done);
        var value = _from + (_width * done / blocks);
        var step = (int)(value * Reports);
        var last = Volatile.Read(ref _lastReported);
        if (step > last && Interlocked.CompareExchange(ref _lastReported, step, last) == last)
        {
            // Reports are serialised and the cancel re-checked inside: a report whose sink cancels
            // the run is the last one, even when another block finished at the same moment.
            lock (_reportLock)
            {
                if (!cancellation.IsCancellationRequested)
                {
                    sink.Report(value);
                }
            }
        }
    }
}
