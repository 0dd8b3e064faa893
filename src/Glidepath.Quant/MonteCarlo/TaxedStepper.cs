using Glidepath.Quant.Taxes;

namespace Glidepath.Quant.MonteCarlo;

/// <summary>
/// The month of a path when the run models taxes (docs/monte-carlo.md, "Taxes"): four accounts per
/// path, all holding the same portfolio. At each tax-year start (months 12k): last year's tax is
/// paid, then the RMD, then the Roth conversion; every month: net cash flow into or out of the
/// accounts by the withdrawal order, then the month's return on every account. Path by path, in
/// double precision; the total is written to <see cref="PathBook.Balance"/> for the statistics.
/// </summary>
internal sealed class TaxedStepper
{
    private readonly SimulationInput _input;
    private readonly TaxSettings _tax;
    private readonly MonthlySchedule _schedule;
    private readonly PathBook _book;
    private readonly float[] _weights;
    private readonly int _assets;
    private readonly double _fee;
    private readonly int _years;
    private readonly FilingSchedule[] _tables;
    private readonly double[] _yearOrdinary;
    private readonly double[] _yearBenefits;
    private readonly double[] _taxable, _basis, _deferred, _free, _hsa, _ordinary, _gains, _lifetimeReal;
    private readonly double[] _paidNominal, _paidReal;

    private readonly int _paths;

    public TaxedStepper(SimulationInput input, MonthlySchedule schedule, PathBook book, float[] weights, int paths, int padded)
    {
        _paths = paths;
        _input = input;
        _tax = input.Taxes!;
        _schedule = schedule;
        _book = book;
        _weights = weights;
        _assets = input.Returns.AssetCount;
        _fee = Math.Pow(1 - input.AnnualFee, 1.0 / 12);
        _years = (input.HorizonMonths + 11) / 12;
        _tables = new FilingSchedule[_years];
        _yearOrdinary = new double[_years];
        _yearBenefits = new double[_years];
        var table = _tax.Table.For(_tax.FilingStatus);
        for (var k = 0; k < _years; k++)
        {
            _tables[k] = _tax.IndexThresholds ? table.Indexed(schedule.InflationFactor[12 * k]) : table;
        }

        for (var m = 0; m < input.HorizonMonths; m++)
        {
            _yearOrdinary[m / 12] += schedule.OrdinaryIncome[m];
            _yearBenefits[m / 12] += schedule.SocialSecurity[m];
        }

        _taxable = Filled(padded, _tax.Taxable);
        _basis = Filled(padded, _tax.TaxableBasis);
        _deferred = Filled(padded, _tax.TaxDeferred);
        _free = Filled(padded, _tax.TaxFree);
        _hsa = Filled(padded, _tax.Hsa);
        _ordinary = new double[padded];
        _gains = new double[padded];
        _lifetimeReal = new double[padded];
        var blocks = (padded + MonteCarloSimulator.BlockSize - 1) / MonteCarloSimulator.BlockSize;
        _paidNominal = new double[blocks * _years];
        _paidReal = new double[blocks * _years];
    }

    /// <summary>One month of a block; <paramref name="need"/> gives a path's spending this month.</summary>
    public void Step(int m, int first, int count, ReadOnlySpan<float> gross, Func<int, float> need)
    {
        var w = _weights.AsSpan(m * _assets, _assets);
        var toReal = 1 / _schedule.InflationFactor[m];
        var contribution = _schedule.Contribution[m];
        var block = first / MonteCarloSimulator.BlockSize;
        for (var i = 0; i < count; i++)
        {
            var p = first + i;
            if (_book.FailMonth[p] >= 0)
            {
                continue;
            }

            if (m % 12 == 0 && !StartTaxYear(m, p, block))
            {
                Fail(p, m);
                continue;
            }

            double spend = need(p);
            var have = Total(p) + contribution;
            _book.YearSpendReal[p] += (float)(Math.Min(spend, have) * toReal);
            if (spend * (1 - BlockStepper.Rounding) > have)
            {
                Fail(p, m);
                continue;
            }

            var net = contribution - spend;
            if (net >= 0)
            {
                Deposit(p, _tax.ContributionAccount, net);
            }
            else
            {
                Withdraw(p, -net, _tax.Order, m / 12);
            }

            var r = 0.0;
            for (var a = 0; a < _assets; a++)
            {
                r += w[a] * gross[(a * count) + i];
            }

            r *= _fee;
            _taxable[p] *= r;
            _deferred[p] *= r;
            _free[p] *= r;
            _hsa[p] *= r;
            _book.Balance[p] = (float)Total(p);
            if (_book.YearGrowth is not null)
            {
                _book.YearGrowth[p] *= (float)r;
            }
        }
    }

    /// <summary>At the horizon: the last tax year's tax is paid from what is left (never a failure: the plan is over).</summary>
    public void Settle(int first, int count)
    {
        var m = _input.HorizonMonths;
        var block = first / MonteCarloSimulator.BlockSize;
        for (var p = first; p < first + count; p++)
        {
            if (_book.FailMonth[p] < 0)
            {
                var k = (m - 1) / 12;
                var paid = Math.Min(Due(p, k), Total(p));
                Record(p, k, m, block, paid);
                Withdraw(p, paid, WithdrawalOrder.TaxableFirst, k);
                _book.Balance[p] = (float)Total(p);
            }
        }
    }

    public TaxSummary Summary(int paths)
    {
        var blocks = _paidNominal.Length / _years;
        var years = new List<YearTaxes>(_years);
        for (var k = 0; k < _years; k++)
        {
            double nominal = 0, real = 0;
            for (var b = 0; b < blocks; b++)
            {
                nominal += _paidNominal[(b * _years) + k];
                real += _paidReal[(b * _years) + k];
            }

            years.Add(new YearTaxes(k + 1, nominal / paths, real / paths));
        }

        var lifetime = _lifetimeReal.AsSpan(0, paths).ToArray();
        var sorted = lifetime.Select(x => (float)x).ToArray();
        var values = new double[Percentiles.Levels.Length];
        OrderStatistics.Percentiles(sorted, Percentiles.Levels, values);
        return new TaxSummary(years, Percentiles.From(values), lifetime.Average());
    }

    /// <summary>Pays last year's tax, then takes this year's RMD and conversion; false when the tax cannot be paid.</summary>
    private bool StartTaxYear(int m, int p, int block)
    {
        var k = m / 12;
        var due = k > 0 ? Due(p, k - 1) : 0;
        _ordinary[p] = 0;
        _gains[p] = 0;
        if (due * (1 - BlockStepper.Rounding) > Total(p))
        {
            return false;
        }

        if (k > 0)
        {
            Record(p, k - 1, m, block, due);
        }

        Withdraw(p, Math.Min(due, Total(p)), WithdrawalOrder.TaxableFirst, k);

        var age = (int)Math.Ceiling(_tax.OwnerAge + k);
        var rmd = Math.Min(RequiredDistributions.Amount(_deferred[p], age, _tax.OwnerBirthYear), _deferred[p]);
        _deferred[p] -= rmd;
        _ordinary[p] += rmd;
        Deposit(p, AccountKind.Taxable, rmd);

        if (_tax.Conversion is { } c && m >= c.StartMonth && m <= c.EndMonth)
        {
            var amount = c.Kind == ConversionKind.FixedAmount
                ? c.Amount * _schedule.InflationFactor[m]
                : Headroom(p, k, c.BracketRate);
            amount = Math.Clamp(amount, 0, _deferred[p]);
            _deferred[p] -= amount;
            _free[p] += amount;
            _ordinary[p] += amount;
        }

        return true;
    }

    /// <summary>Federal and state tax of year <paramref name="k"/> for path p.</summary>
    private double Due(int p, int k) => TaxCalculator.Compute(
        new YearIncome(_ordinary[p] + _yearOrdinary[k], Math.Max(_gains[p], 0), 0, _yearBenefits[k]),
        _tables[k],
        _tax.FilingStatus,
        _tax.StateRate).Total;

    /// <summary>Adds a payment of year k's tax in month <paramref name="paidIn"/> to the statistics (padding paths excluded).</summary>
    private void Record(int p, int k, int paidIn, int block, double paid)
    {
        if (p >= _paths)
        {
            return;
        }

        var real = paid / _schedule.InflationFactor[paidIn];
        _paidNominal[(block * _years) + k] += paid;
        _paidReal[(block * _years) + k] += real;
        _lifetimeReal[p] += real;
    }

    /// <summary>Ordinary income that still fits under the top of the bracket taxed at <paramref name="rate"/>, after the standard deduction.</summary>
    private double Headroom(int p, int k, double rate) =>
        Math.Max(_tables[k].BracketTop(rate) + _tables[k].StandardDeduction - _ordinary[p] - _yearOrdinary[k], 0);

    private void Deposit(int p, AccountKind account, double amount)
    {
        switch (account)
        {
            case AccountKind.Taxable:
                _taxable[p] += amount;
                _basis[p] += amount;
                break;
            case AccountKind.TaxDeferred:
                _deferred[p] += amount;
                break;
            case AccountKind.TaxFree:
                _free[p] += amount;
                break;
            default:
                _hsa[p] += amount;
                break;
        }
    }

    private void Withdraw(int p, double amount, WithdrawalOrder order, int k)
    {
        if (order == WithdrawalOrder.Proportional)
        {
            var total = Total(p);
            if (total <= 0)
            {
                return;
            }

            var share = Math.Min(amount / total, 1);
            FromTaxable(p, _taxable[p] * share);
            FromDeferred(p, _deferred[p] * share);
            _free[p] -= _free[p] * share;
            _hsa[p] -= _hsa[p] * share;
            return;
        }

        if (order == WithdrawalOrder.FillBracket)
        {
            amount -= FromDeferred(p, Math.Min(amount, Headroom(p, k, _tax.FillBracketRate)));
        }

        amount -= FromTaxable(p, amount);
        amount -= FromDeferred(p, amount);
        var free = Math.Min(amount, _free[p]);
        _free[p] -= free;
        amount -= free;
        _hsa[p] -= Math.Min(amount, _hsa[p]);
    }

    /// <summary>Sells up to <paramref name="amount"/>; the gain is the share above average cost basis.</summary>
    private double FromTaxable(int p, double amount)
    {
        var balance = _taxable[p];
        var x = Math.Min(amount, balance);
        if (x <= 0)
        {
            return 0;
        }

        var basisSold = _basis[p] * (x / balance);
        _gains[p] += x - basisSold;
        _basis[p] -= basisSold;
        _taxable[p] = balance - x;
        return x;
    }

    private double FromDeferred(int p, double amount)
    {
        var x = Math.Clamp(amount, 0, _deferred[p]);
        _deferred[p] -= x;
        _ordinary[p] += x;
        return x;
    }

    private double Total(int p) => _taxable[p] + _deferred[p] + _free[p] + _hsa[p];

    private void Fail(int p, int m)
    {
        _book.FailMonth[p] = m;
        _book.Balance[p] = 0;
        _taxable[p] = _basis[p] = _deferred[p] = _free[p] = _hsa[p] = 0;
    }

    private static double[] Filled(int length, double value)
    {
        var a = new double[length];
        Array.Fill(a, value);
        return a;
    }
}
