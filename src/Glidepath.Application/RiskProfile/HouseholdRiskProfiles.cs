using Glidepath.Application.Errors;
using Glidepath.Domain.RiskProfile;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.RiskProfile;

/// <param name="PersonId">Whose answers these are: a person of the household.</param>
/// <param name="Answers">The chosen option of each of the 13 items, in order ("a".."d").</param>
public sealed record RiskProfileRequest(
    Guid PersonId, IReadOnlyList<string>? Answers, int HorizonYears, IncomeStability IncomeStability, double EmergencyFundMonths, double DebtServiceRatio, int Dependants);

/// <summary>A person's latest profile, and whether it is time to take the questionnaire again.</summary>
public sealed record CurrentRiskProfile(Guid PersonId, string PersonName, PersonRiskProfile Profile, bool RetakeSuggested, DateOnly RetakeDue);

/// <summary>The household's people with their latest profile, and every profile taken (newest first).</summary>
public sealed record HouseholdRiskProfileSummary(IReadOnlyList<CurrentRiskProfile> Current, IReadOnlyList<PersonRiskProfile> History);

/// <summary>
/// Risk questionnaires per person (docs/risk-profile.md): each completed questionnaire is scored by
/// <see cref="RiskProfileRules"/> and stored as it was; a re-take adds a profile, the history stays.
/// The front door has already checked access to the household.
/// </summary>
public sealed class HouseholdRiskProfiles(GlidepathDbContext db, TimeProvider clock)
{
    public async Task<HouseholdRiskProfileSummary> GetAsync(Guid householdId, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.HouseholdId == householdId).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var history = (await db.RiskProfiles.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(ct))
            .OrderByDescending(p => p.TakenUtc).ThenBy(p => p.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var current = people
            .Select(person => (person, latest: history.FirstOrDefault(h => h.PersonId == person.Id)))
            .Where(x => x.latest is not null)
            .Select(x =>
            {
                var due = DateOnly.FromDateTime(x.latest!.TakenUtc.UtcDateTime).AddDays(RiskProfileRules.RetakeAfterDays);
                return new CurrentRiskProfile(x.person.Id, x.person.Name, x.latest, today >= due, due);
            })
            .OrderBy(c => c.PersonName, StringComparer.Ordinal)
            .ToList();
        return new HouseholdRiskProfileSummary(current, history);
    }

    /// <summary>Scores and stores one questionnaire; nothing is stored when the answers or inputs are invalid.</summary>
    public async Task<Result<PersonRiskProfile>> CreateAsync(Guid householdId, RiskProfileRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = new CapacityInputs(request.HorizonYears, request.IncomeStability, request.EmergencyFundMonths, request.DebtServiceRatio, request.Dependants);
        if (!RiskProfileRules.Assess(request.Answers, inputs).TryGet(out var assessment, out var problem))
        {
            return problem;
        }

        if (!await db.People.AnyAsync(p => p.Id == request.PersonId && p.HouseholdId == householdId, ct))
        {
            return Problem.NotFound(ErrorCodes.PersonNotFound, $"Person {request.PersonId} is not in this household.");
        }

        var profile = new PersonRiskProfile
        {
            HouseholdId = householdId,
            PersonId = request.PersonId,
            Answers = string.Concat(request.Answers!.Select(a => a.Trim().ToLowerInvariant())),
            ToleranceScore = assessment.Tolerance.Score,
            ToleranceBand = assessment.Tolerance.Band,
            ToleranceLevel = assessment.Tolerance.Level,
            HorizonYears = inputs.HorizonYears,
            IncomeStability = inputs.IncomeStability,
            EmergencyFundMonths = inputs.EmergencyFundMonths,
            DebtServiceRatio = inputs.DebtServiceRatio,
            Dependants = inputs.Dependants,
            CapacityPoints = assessment.Capacity.Points,
            CapacityLevel = assessment.Capacity.Level,
            RecommendedLevel = assessment.RecommendedLevel,
            Reason = assessment.Reason,
            TakenUtc = clock.GetUtcNow(),
        };
        db.RiskProfiles.Add(profile);
        await db.SaveChangesAsync(ct);
        return profile;
    }
}
