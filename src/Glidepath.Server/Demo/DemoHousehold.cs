using Glidepath.Domain.Households;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Server.Demo;

/// <summary>
/// The demo couple and their accounts. Names and account numbers are made up; the relief
/// methods differ per account so that every method shows up in the realised gains.
/// </summary>
internal sealed record DemoHousehold(
    Household Household,
    Account Checking,
    Account CreditCard,
    Account Brokerage,
    Account TraditionalIra,
    Account RothIra,
    Account Plan401K)
{
    public const string Name = "Demo: Alex & Sam Rivera";

    public IReadOnlyList<Account> Accounts => [Checking, CreditCard, Brokerage, TraditionalIra, RothIra, Plan401K];

    public static DemoHousehold Create(Func<Guid> newId, DateTimeOffset createdUtc)
    {
        var household = new Household { Id = newId(), Name = DemoHousehold.Name, CreatedUtc = createdUtc };
        var alex = Person(household, newId(), "Alex Rivera", new DateOnly(1956, 4, 12));
        var sam = Person(household, newId(), "Sam Rivera", new DateOnly(1959, 9, 30));
        household.People.AddRange([alex, sam]);

        Account Open(string name, AccountType type, Person? owner, string institution, string number, LotReliefMethod relief) => new()
        {
            Id = newId(),
            HouseholdId = household.Id,
            OwnerId = owner?.Id,
            Name = name,
            Type = type,
            Institution = institution,
            Number = new AccountNumber(number),
            ReliefMethod = relief,
        };

        var demo = new DemoHousehold(
            household,
            Open("Joint checking", AccountType.Checking, null, "Demo Savings Bank", "4410-0038-1174", LotReliefMethod.Fifo),
            Open("Sam's credit card", AccountType.CreditCard, sam, "Demo Card Services", "5500-0000-0000-4321", LotReliefMethod.Fifo),
            Open("Joint brokerage", AccountType.TaxableBrokerage, null, "Demo Brokerage", "DB-77120934", LotReliefMethod.SpecificIdentification),
            Open("Alex's traditional IRA", AccountType.TraditionalIra, alex, "Demo Brokerage", "DB-IRA-55210", LotReliefMethod.Lifo),
            Open("Sam's Roth IRA", AccountType.RothIra, sam, "Demo Brokerage", "DB-ROTH-98311", LotReliefMethod.Hifo),
            Open("Alex's 401(k)", AccountType.Plan401K, alex, "Demo Retirement Plans", "401K-003318", LotReliefMethod.AverageCost));
        household.Accounts.AddRange(demo.Accounts);
        return demo;
    }

    private static Person Person(Household household, Guid id, string name, DateOnly birthDate) => new()
    {
        Id = id,
        HouseholdId = household.Id,
        Name = name,
        BirthDate = birthDate,
        FilingStatus = FilingStatus.MarriedFilingJointly,
        Country = "US",
        State = "CA",
    };
}
