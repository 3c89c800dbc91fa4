using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;

namespace ElectionPrep.Accounts;

public class Administering_accounts(AppFixture fixture) : IntegrationContext(fixture)
{
    private ProcessDriver Driver => new(Host);

    private static object Clerk(string password = "mat-khau-du-dai-123") =>
        new { name = "thu.ky.01834", password, roles = new[] { "Clerk" }, body = "FrontStandingBoard", jurisdiction = "01834" };

    private async Task CreateClerkAsAdministrator() => await Driver.Post(Routes.Accounts, Clerk(), TestUsers.Administrator, HttpStatusCode.Created);

    [Fact]
    public async Task An_account_an_administrator_creates_signs_in_within_its_scope()
    {
        await CreateClerkAsAdministrator();

        using var clerk = await PageSession.SignInAsync(Host, "thu.ky.01834", "mat-khau-du-dai-123");

        Assert.Contains("Xin chào, thu.ky.01834", await clerk.PageAsync(Routes.Dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_creation_of_an_account_is_audited_without_its_password()
    {
        await CreateClerkAsAdministrator();

        await using var session = Store.QuerySession();
        var created = Assert.Single(await session.Events.FetchStreamAsync(Accounts.StreamFor("thu.ky.01834")));
        Assert.Equal(TestUsers.Name(TestUsers.Administrator), created.UserName);
        Assert.Equal(TestUsers.Name(TestUsers.Administrator), ((AccountCreated)created.Data).CreatedBy);
        Assert.DoesNotContain("mat-khau", JsonSerializer.Serialize(created.Data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_each_field_with_no_account_created()
    {
        var refused = await Driver.Post(Routes.Accounts, new { name = "Thư Ký", password = "ngan", roles = Array.Empty<string>(), jurisdiction = "99999" },
            TestUsers.Administrator, HttpStatusCode.BadRequest);

        var errors = (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn");
        Assert.Equal(["jurisdiction", "name", "password", "roles"], errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<Account>().CountAsync());
    }

    [Fact]
    public async Task What_an_account_does_carries_its_holders_full_name_and_title_for_the_forms_it_signs()
    {
        await Driver.Open("commune-council", TestUsers.Ward);
        await Driver.Post(Routes.Accounts, new
        {
            name = "tt.hdnd.01834", password = "mat-khau-du-dai-123", roles = new[] { "Clerk" }, body = "CouncilStandingBody", jurisdiction = TestUsers.Ward,
            fullName = "Dương Thị Thu", title = "Chuyên viên Thường trực HĐND phường",
        }, TestUsers.Administrator, HttpStatusCode.Created);
        using var clerk = await PageSession.SignInAsync(Host, "tt.hdnd.01834", "mat-khau-du-dai-123");
        const string process = "2021-2026.commune-council.01834";

        await clerk.PostAsync(Routes.For(Routes.ProcessPage, process), Routes.For(Routes.StepCompletion, process, "structure-projected"), new { reference = "NQ 08/NQ-TTHĐND" });

        await using var session = Store.QuerySession();
        var completed = (await session.Events.FetchStreamAsync(process)).Single(e => e.Data is ConsultationProcesses.StepCompleted);
        Assert.Equal(("tt.hdnd.01834", "Dương Thị Thu", "Chuyên viên Thường trực HĐND phường"),
            (completed.UserName, completed.Headers![ActorHeaders.FullName].ToString(), completed.Headers[ActorHeaders.Title].ToString()));
    }

    [Fact]
    public async Task A_full_name_without_a_title_is_refused()
    {
        var refused = await Driver.Post(Routes.Accounts, new { name = "thu.ky.01834", password = "mat-khau-du-dai-123", roles = new[] { "Clerk" }, fullName = "Dương Thị Thu" },
            TestUsers.Administrator, HttpStatusCode.BadRequest);

        Assert.Equal(["title"], (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn").EnumerateObject().Select(field => field.Name));
    }

    [Fact]
    public async Task Only_administrators_manage_accounts()
    {
        await Driver.Post(Routes.Accounts, Clerk(), TestUsers.Chair, HttpStatusCode.Forbidden);

        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<Account>().CountAsync());
    }

    [Fact]
    public async Task A_name_is_taken_once()
    {
        await CreateClerkAsAdministrator();

        var again = await Driver.Post(Routes.Accounts, Clerk("mot-mat-khau-khac-456"), TestUsers.Administrator, HttpStatusCode.Conflict);

        await again.ThenRefused(CreateAccountEndpoint.AccountExists);
        (await PageSession.SignInAsync(Host, "thu.ky.01834", "mat-khau-du-dai-123")).Dispose();
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        await CreateClerkAsAdministrator();

        await Driver.Post(Routes.For(Routes.AccountPassword, "thu.ky.01834"), new { password = "mat-khau-moi-789-dai" }, TestUsers.Administrator, HttpStatusCode.NoContent);

        await Assert.ThrowsAsync<InvalidOperationException>(() => PageSession.SignInAsync(Host, "thu.ky.01834", "mat-khau-du-dai-123"));
        (await PageSession.SignInAsync(Host, "thu.ky.01834", "mat-khau-moi-789-dai")).Dispose();
    }
}
