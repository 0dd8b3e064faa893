using System.Runtime.CompilerServices;
using System.Xml;

namespace Glidepath.Infrastructure.Import.Transactions.Brokers;

/// <summary>
/// Interactive Brokers Flex Query as XML (<c>&lt;FlexQueryResponse&gt;</c>): Trade, CashTransaction
/// and CorporateAction elements, read as a stream (XmlReader, no DTD). FxTransaction, OpenPosition and
/// CashReport lines describe the statement, not transactions, and are passed over. "Row" in errors is
/// the element's line in the file. Mapping in <see cref="IbkrFlexMapping"/>.
/// </summary>
internal sealed class IbkrFlexXmlLayout : IBrokerStatementLayout
{
    public string Name => "ibkr-flex-xml";

    public bool Detect(FileHead head) => head.Text.Contains("<FlexQueryResponse", StringComparison.Ordinal);

    public async IAsyncEnumerable<RowParse> ReadAsync(Stream file, ImportErrors errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(file, settings);
        while (true)
        {
            bool more;
            string? failure = null;
            try
            {
                more = await reader.ReadAsync();
            }
            catch (XmlException e)
            {
                more = false;
                failure = e.Message;
            }

            if (failure is not null)
            {
                yield return RowParse.Failed([new ImportError(((IXmlLineInfo)reader).LineNumber, null, "Malformed XML: " + failure)]);
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var line = ((IXmlLineInfo)reader).LineNumber;
            string Field(string name) => reader.GetAttribute(name)?.Trim() ?? "";
            var rowErrors = new List<ImportError>();
            switch (reader.LocalName)
            {
                case "Trade":
                    yield return RowParse.Guard(line, () => IbkrFlexMapping.Trade(line, Field, rowErrors));
                    break;
                case "CashTransaction":
                    yield return RowParse.Guard(line, () => IbkrFlexMapping.CashTransaction(line, Field, rowErrors));
                    break;
                case "CorporateAction":
                    yield return RowParse.Guard(line, () => IbkrFlexMapping.CorporateAction(line, Field, rowErrors));
                    break;
            }
        }
    }

    public string ColumnFor(string property) => property switch
    {
        nameof(Domain.Transactions.Transaction.InstrumentId) => "isin",
        nameof(Domain.Transactions.Transaction.FxRate) => "fxRateToBase",
        nameof(Domain.Transactions.Transaction.Type) => "type",
        _ => property,
    };
}
