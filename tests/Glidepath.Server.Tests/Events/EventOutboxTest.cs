using Glidepath.Application;
using Glidepath.Application.Events;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Events;

public class EventOutboxTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Enqueue_WriteCommits_EventCommitsWithIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.CreateServices(s => s.AddGlidepathApplication());
        var household = new Household { Name = "Committed" };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Households.Add(household);
            scope.ServiceProvider.GetRequiredService<IEventOutbox>().Enqueue(household.Id, EventTypes.TransactionCreated, new { householdId = household.Id, amount = 12.5m });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var check = database.CreateDbContext();
        var row = Assert.Single(await check.OutboxEvents.ToListAsync());
        Assert.True(await check.Households.AnyAsync(h => h.Id == household.Id));
        Assert.Equal((household.Id, EventTypes.TransactionCreated, OutboxStates.Pending), (row.HouseholdId, row.Type, row.State));
        Assert.Equal($$"""{"householdId":"{{household.Id}}","amount":12.5}""", row.PayloadJson);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Enqueue_WriteRollsBack_EventVanishesWithIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.CreateServices(s => s.AddGlidepathApplication());
        var household = new Household { Name = "Rolled back" };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Households.Add(household);
            scope.ServiceProvider.GetRequiredService<IEventOutbox>().Enqueue(household.Id, EventTypes.AlertTriggered, new { kind = "drift" });
            await db.SaveChangesAsync();

            // Written inside the transaction, visible to it...
            Assert.Equal(1, await db.OutboxEvents.CountAsync());
            await transaction.RollbackAsync();
        }

        // ...and gone with the write that caused it.
        await using var check = database.CreateDbContext();
        Assert.Empty(await check.OutboxEvents.ToListAsync());
        Assert.False(await check.Households.AnyAsync(h => h.Id == household.Id));
    }

    [Fact]
    public async Task Enqueue_UnknownType_Throws()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.CreateServices(s => s.AddGlidepathApplication());
        await using var scope = services.CreateAsyncScope();
        Assert.Throws<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<IEventOutbox>().Enqueue(Guid.NewGuid(), "order.exploded", new { }));
    }
}
