using Glidepath.Application.Advisors;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Tests.Hosting;

namespace Glidepath.Server.Tests.Advisors;

/// <summary>Verified advisors with hours, made through the API as an advisor and an admin would.</summary>
internal static class AdvisorFixtures
{
    public static readonly WeeklyHoursDto[] EveryDayEightToEight =
        [.. Enum.GetNames<DayOfWeek>().Select(d => new WeeklyHoursDto(d.ToLowerInvariant(), "08:00", "20:00"))];

    public static async Task<(TestUser User, HttpClient Client)> AdvisorAsync(
        GlidepathApp app, string name, string[] specialities, string timeZone = "UTC", IReadOnlyList<WeeklyHoursDto>? weekly = null,
        string[]? languages = null, bool verify = true, int slotMinutes = 60)
    {
        var user = await app.CreateUserAsync(roles: [Roles.Advisor], ownHousehold: false);
        var client = app.CreateClient(user);
        await (await client.PutAsync("/api/advisor/profile", new AdvisorProfileRequest(
            name, specialities, "CFP", languages ?? ["en"], timeZone, "hourly", "USD 200 an hour", "Plain advice.", slotMinutes))).ReadAsync<AdvisorProfileDto>();
        await (await client.PutAsync("/api/advisor/availability", new AvailabilityRequest(weekly ?? EveryDayEightToEight, []))).ReadAsync<AvailabilityDto>();
        if (verify)
        {
            using var admin = await app.CreateOperatorClientAsync();
            await (await admin.PostAsync($"/api/admin/advisors/{user.Id}/verify", new { })).ReadAsync<AdvisorProfileDto>();
        }

        return (user, client);
    }

    public static async Task<SlotsDto> SlotsAsync(HttpClient owner, Guid householdId, Guid advisorId, string query = "") =>
        await (await owner.GetAsync($"/api/households/{householdId}/advisors/{advisorId}/slots{query}")).ReadAsync<SlotsDto>();
}
