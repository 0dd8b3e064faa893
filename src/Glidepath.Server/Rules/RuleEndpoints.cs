using Glidepath.Application.Rules;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Rules;

/// <summary>
/// A household's ordered categorisation rules (docs/categories.md, "Rules"): <c>/api/households/{householdId}/rules[/{ruleId}[/apply]]</c>,
/// onto <see cref="HouseholdRules"/>. Rules also run on every import.
/// </summary>
public static class RuleEndpoints
{
    public static RouteGroupBuilder MapRuleEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/rules").WithTags("Rules");
        group.MapGet("/", List).WithName("ListRules").WithSummary("List rules").WithDescription("The household's categorisation rules in the order they run.");
        group.MapPost("/", Create).WithName("CreateRule").WithSummary("Add a rule")
            .WithDescription("Adds a rule: conditions on payee or memo (contains or regular expression), amount range, account and direction; actions setting the category, the payee and tags. Last unless a position is given.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{ruleId:guid}", Get).WithName("GetRule").WithSummary("Get a rule").WithDescription("One rule of the household.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{ruleId:guid}", Update).WithName("UpdateRule").WithSummary("Replace a rule")
            .WithDescription("Replaces a rule's conditions and actions; a position moves it and the others close up.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{ruleId:guid}", Delete).WithName("DeleteRule").WithSummary("Delete a rule")
            .WithDescription("Deletes a rule; what it categorised keeps its category.").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{ruleId:guid}/apply", Apply).WithName("ApplyRule").WithSummary("Apply a rule to existing transactions")
            .WithDescription("Runs the rule over every stored transaction: with dryRun=true a preview of what would change (category, payee, tags before and after), else the change. A category set by hand stays.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Ok<List<RuleDto>>> List(Guid householdId, HouseholdRules rules, CancellationToken ct) =>
        TypedResults.Ok((await rules.ListAsync(householdId, ct)).ToList());

    private static async Task<Results<Ok<RuleDto>, ProblemAnswer>> Get(Guid householdId, Guid ruleId, HouseholdRules rules, CancellationToken ct) =>
        (await rules.GetAsync(householdId, ruleId, ct)).ToHttp(r => TypedResults.Ok(r));

    private static async Task<Results<CreatedAtRoute<RuleDto>, ProblemAnswer>> Create(Guid householdId, RuleRequest request, HouseholdRules rules, CancellationToken ct) =>
        (await rules.CreateAsync(householdId, request, ct)).ToHttp(r => TypedResults.CreatedAtRoute(r, "GetRule", new { householdId, ruleId = r.Id }));

    private static async Task<Results<Ok<RuleDto>, ProblemAnswer>> Update(Guid householdId, Guid ruleId, RuleRequest request, HouseholdRules rules, CancellationToken ct) =>
        (await rules.UpdateAsync(householdId, ruleId, request, ct)).ToHttp(r => TypedResults.Ok(r));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid ruleId, HouseholdRules rules, CancellationToken ct) =>
        (await rules.DeleteAsync(householdId, ruleId, ct)).ToHttp(_ => TypedResults.NoContent());

    /// <summary><paramref name="dryRun"/>: answer the preview and store nothing.</summary>
    private static async Task<Results<Ok<RuleApplicationDto>, ProblemAnswer>> Apply(Guid householdId, Guid ruleId, bool? dryRun, HouseholdRules rules, CancellationToken ct) =>
        (await rules.ApplyAsync(householdId, ruleId, dryRun ?? false, ct)).ToHttp(a => TypedResults.Ok(a));
}
