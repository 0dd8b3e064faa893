namespace Glidepath.Domain.RiskProfile;

/// <summary>One answer option: its letter, wording and points.</summary>
public sealed record ScaleOption(string Key, string Text, int Points);

/// <summary>One item of the scale.</summary>
public sealed record ScaleItem(int Number, string Text, IReadOnlyList<ScaleOption> Options);

/// <summary>One interpretation band of the total score.</summary>
public sealed record ScaleBand(int Min, int Max, string Label);

/// <summary>
/// Grable, J. E., &amp; Lytton, R. H. (1999). Financial risk tolerance revisited: the development of a risk
/// assessment instrument. Financial Services Review, 8(3), 163-181: the 13-item scale as published by
/// Rutgers Cooperative Extension (NJAES) as the "Investment Risk Tolerance Quiz" (items, options, points
/// and bands from /work/shared/samples/risk/grable_lytton_1999_risk_tolerance.json; origins in its
/// README). Score = sum of the chosen options' points (13–47); item 1 is reverse-keyed, items 9 and 10
/// score 1 or 3.
/// </summary>
public static class GrableLyttonScale
{
    public const int MinScore = 13;

    public const int MaxScore = 47;

    public static IReadOnlyList<ScaleItem> Items { get; } =
    [
        new(1, "In general, how would your best friend describe you as a risk taker?", [new("a", "A real gambler", 4), new("b", "Willing to take risks after completing adequate research", 3), new("c", "Cautious", 2), new("d", "A real risk avoider", 1)]),
        new(2, "You are on a TV game show and can choose one of the following. Which would you take?", [new("a", "$1,000 in cash", 1), new("b", "A 50% chance at winning $5,000", 2), new("c", "A 25% chance at winning $10,000", 3), new("d", "A 5% chance at winning $100,000", 4)]),
        new(3, "You have just finished saving for a “once-in-a-lifetime” vacation. Three weeks before you plan to leave, you lose your job. You would:", [new("a", "Cancel the vacation", 1), new("b", "Take a much more modest vacation", 2), new("c", "Go as scheduled, reasoning that you need the time to prepare for a job search", 3), new("d", "Extend your vacation, because this might be your last chance to go first-class", 4)]),
        new(4, "If you unexpectedly received $20,000 to invest, what would you do?", [new("a", "Deposit it in a bank account, money market account, or an insured CD", 1), new("b", "Invest it in safe high quality bonds or bond mutual funds", 2), new("c", "Invest it in stocks or stock mutual funds", 3)]),
        new(5, "In terms of experience, how comfortable are you investing in stocks or stock mutual funds?", [new("a", "Not at all comfortable", 1), new("b", "Somewhat comfortable", 2), new("c", "Very comfortable", 3)]),
        new(6, "When you think of the word “risk” which of the following words comes to mind first?", [new("a", "Loss", 1), new("b", "Uncertainty", 2), new("c", "Opportunity", 3), new("d", "Thrill", 4)]),
        new(7, "Some experts are predicting prices of assets such as gold, jewels, collectibles, and real estate (hard assets) to increase in value; bond prices may fall, however, experts tend to agree that government bonds are relatively safe. Most of your investment assets are now in high interest government bonds. What would you do?", [new("a", "Hold the bonds", 1), new("b", "Sell the bonds, put half the proceeds into money market accounts, and the other half into hard assets", 2), new("c", "Sell the bonds and put the total proceeds into hard assets", 3), new("d", "Sell the bonds, put all the money into hard assets, and borrow additional money to buy more", 4)]),
        new(8, "Given the best and worst case returns of the four investment choices below, which would you prefer?", [new("a", "$200 gain best case; $0 gain/loss worst case", 1), new("b", "$800 gain best case; $200 loss worst case", 2), new("c", "$2,600 gain best case; $800 loss worst case", 3), new("d", "$4,800 gain best case; $2,400 loss worst case", 4)]),
        new(9, "In addition to whatever you own, you have been given $1,000. You are now asked to choose between:", [new("a", "A sure gain of $500", 1), new("b", "A 50% chance to gain $1,000 and a 50% chance to gain nothing", 3)]),
        new(10, "In addition to whatever you own, you have been given $2,000. You are now asked to choose between:", [new("a", "A sure loss of $500", 1), new("b", "A 50% chance to lose $1,000 and a 50% chance to lose nothing", 3)]),
        new(11, "Suppose a relative left you an inheritance of $100,000, stipulating in the will that you invest ALL the money in ONE of the following choices. Which one would you select?", [new("a", "A savings account or money market mutual fund", 1), new("b", "A mutual fund that owns stocks and bonds", 2), new("c", "A portfolio of 15 common stocks", 3), new("d", "Commodities like gold, silver, and oil", 4)]),
        new(12, "If you had to invest $20,000, which of the following investment choices would you find most appealing?", [new("a", "60% in low-risk investments, 30% in medium-risk investments, 10% in high-risk investments", 1), new("b", "30% in low-risk investments, 40% in medium-risk investments, 30% in high-risk investments", 2), new("c", "10% in low-risk investments, 40% in medium-risk investments, 50% in high-risk investments", 3)]),
        new(13, "Your trusted friend and neighbor, an experienced geologist, is putting together a group of investors to fund an exploratory gold mining venture. The venture could pay back 50 to 100 times the investment if successful. If the mine is a bust, the entire investment is worthless. Your friend estimates the chance of success is only 20%. If you had the money, how much would you invest?", [new("a", "Nothing", 1), new("b", "One month’s salary", 2), new("c", "Three month’s salary", 3), new("d", "Six month’s salary", 4)]),
    ];

    /// <summary>The Rutgers "in general" interpretation of the score (not norms from the 1999 paper).</summary>
    public static IReadOnlyList<ScaleBand> Bands { get; } =
    [
        new(13, 18, "Low risk tolerance (i.e., conservative investor)"),
        new(19, 22, "Below-average risk tolerance"),
        new(23, 28, "Average/moderate risk tolerance"),
        new(29, 32, "Above-average risk tolerance"),
        new(33, 47, "High risk tolerance (i.e., aggressive investor)"),
    ];
}
