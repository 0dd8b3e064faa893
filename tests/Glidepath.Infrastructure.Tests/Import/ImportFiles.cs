using System.Text;

namespace Glidepath.Infrastructure.Tests.Import;

internal static class ImportFiles
{
    public static MemoryStream Text(string csv) => new(Encoding.UTF8.GetBytes(csv));

    public static FileStream Data(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Import", "Data", name));

    /// <summary>A valid generic file: two identical rows without ids (both real), broker ids on others.</summary>
    public const string Generic = """
        Date,SettlementDate,Type,Symbol,Quantity,Price,Fees,Amount,Currency,FxRate,Memo,ExternalId
        2024-01-02,2024-01-02,Deposit,,,,,10000,USD,1,Opening deposit,
        2024-01-03,2024-01-05,Buy,VTI,10,235.50,1.00,,USD,1,,B-1001
        2024-01-04,2024-01-08,Buy,VTI,2,236,0,,USD,1,,
        2024-01-04,2024-01-08,Buy,VTI,2,236,0,,USD,1,,
        2024-03-15,,Dividend,VTI,,,,12.34,,,Q1 dividend,
        2024-06-03,2024-06-05,Sell,VTI,5,250,1.00,,USD,1,,B-1002
        """;
}
