namespace Glidepath.Application.Errors;

/// <summary>
/// The stable <c>code</c> extension of every problem details answer. Clients branch on these,
/// never on titles or details, so a code once published is never renamed.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation-failed";
    public const string BadRequest = "bad-request";
    public const string NotFound = "not-found";
    public const string HouseholdNotFound = "household-not-found";
    public const string PersonNotFound = "person-not-found";
    public const string AccountNotFound = "account-not-found";
    public const string InstrumentNotFound = "instrument-not-found";
    public const string TransactionNotFound = "transaction-not-found";
    public const string PlanNotFound = "plan-not-found";
    public const string WebhookNotFound = "webhook-not-found";
    public const string WebhookDeliveryNotFound = "webhook-delivery-not-found";

    /// <summary>Aggregation (docs/aggregation.md): no such connection in the household.</summary>
    public const string ConnectionNotFound = "connection-not-found";

    /// <summary>The provider reports an item error only the user can clear by linking the institution again.</summary>
    public const string AggregationRelinkNeeded = "aggregation-relink-needed";

    /// <summary>The provider refused the request; the detail carries its error code and message.</summary>
    public const string AggregationProviderError = "aggregation-provider-error";

    /// <summary>The provider could not be reached.</summary>
    public const string AggregationUnavailable = "aggregation-unavailable";

    /// <summary>The item is already connected (to this or another household).</summary>
    public const string AggregationItemLinked = "aggregation-item-linked";

    /// <summary>A ledger account is already fed by a connection.</summary>
    public const string AggregationAccountTaken = "aggregation-account-taken";

    /// <summary>The ledger refused the synced changes; nothing was stored.</summary>
    public const string AggregationLedgerRefused = "aggregation-ledger-refused";
    public const string SimulationRunNotFound = "simulation-run-not-found";
    public const string ModelPortfolioNotFound = "model-portfolio-not-found";
    public const string DuplicateModelPortfolio = "duplicate-model-portfolio";
    public const string AssumptionSetNotFound = "assumption-set-not-found";

    /// <summary>Another admin stored a version at the same moment; read the current one and try again.</summary>
    public const string AssumptionVersionConflict = "assumption-version-conflict";

    /// <summary>The optimiser's constraints cannot all hold; the problem's <c>conflictingConstraints</c> names them.</summary>
    public const string InfeasibleConstraints = "infeasible-constraints";

    /// <summary>A target return or volatility (or a Sharpe ratio above the risk-free rate) is out of reach.</summary>
    public const string ObjectiveUnattainable = "objective-unattainable";
    public const string OptimizationNotConverged = "optimization-not-converged";
    public const string SimulationRunFinished = "simulation-run-finished";
    public const string SimulationQueueFull = "simulation-queue-full";

    /// <summary>The caller's unfinished runs already hold their share (<c>Glidepath:SimulationRuns:MaxRunsPerUser</c>, <c>MaxPathsPerUser</c>).</summary>
    public const string SimulationQuotaExceeded = "simulation-quota-exceeded";
    public const string ProposalNotFound = "rebalance-proposal-not-found";
    public const string TargetNotFound = "rebalance-target-not-found";
    public const string ReplacementNotFound = "replacement-fund-not-found";
    public const string AccountHasTransactions = "account-has-transactions";
    public const string InstrumentInUse = "instrument-in-use";
    public const string DuplicateInstrument = "duplicate-instrument";

    /// <summary>A shared instrument or its prices, written without <c>write:reference-data</c> (operators only).</summary>
    public const string ReferenceDataReadOnly = "reference-data-read-only";

    /// <summary>The household already keeps Glidepath:Instruments:MaxPerHousehold instruments of its own.</summary>
    public const string InstrumentLimitReached = "instrument-limit-reached";

    public const string ManualAssetNotFound = "manual-asset-not-found";
    public const string CategoryNotFound = "category-not-found";
    public const string DuplicateCategory = "duplicate-category";
    public const string RuleNotFound = "rule-not-found";

    /// <summary>The household has fewer labelled rows (or categories) than the categoriser needs (docs/categoriser.md).</summary>
    public const string NotEnoughLabels = "not-enough-labels";

    /// <summary>The transaction has no stored suggestion of the categoriser to accept.</summary>
    public const string SuggestionNotFound = "suggestion-not-found";
    public const string BudgetNotFound = "budget-not-found";
    public const string GoalNotFound = "goal-not-found";
    public const string ManualAssetValueNotFound = "manual-asset-value-not-found";

    /// <summary>A manual asset has one value per date; a second one on the same date is refused.</summary>
    public const string DuplicateManualAssetValue = "duplicate-manual-asset-value";
    public const string FxRateNotFound = "fx-rate-not-found";

    /// <summary>
    /// Switching the reporting currency would leave values without a rate; the problem's
    /// <c>missingPairs</c> lists them ("EUR/GBP") and <c>from</c> the date they are needed from.
    /// </summary>
    public const string MissingFxRate = "missing-fx-rate";
    /// <summary>
    /// Refusals with several different ledger codes. A refusal with one code passes the ledger's own
    /// code through (e.g. "insufficient-quantity", "unknown-lot"; see LedgerErrorCodes).
    /// </summary>
    public const string LedgerRejected = Glidepath.Domain.Ledger.LedgerProblems.Rejected;
    public const string ImportRejected = "import-rejected";
    public const string ImportMappingNotFound = "import-mapping-not-found";
    public const string CorporateActionNotFound = "corporate-action-not-found";
    public const string ConcurrencyConflict = "concurrency-conflict";
    /// <summary>An If-Match version that is not the current one (412).</summary>
    public const string PreconditionFailed = "precondition-failed";
    public const string Conflict = "conflict";
    public const string InternalError = "internal-error";
    /// <summary>A stored encrypted value could not be read with the configured key ring (missing key, wrong key, altered value).</summary>
    public const string EncryptedFieldUnreadable = "encrypted-field-unreadable";
}
