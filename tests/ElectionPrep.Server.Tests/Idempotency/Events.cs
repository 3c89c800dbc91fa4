using Alba;
using ElectionPrep.Database;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionPrep.Idempotency;

/// <summary>Counts rows of the event table itself, so a replayed answer cannot hide a second append behind a read model.</summary>
public static class Events
{
    public static async Task<long> CountAsync(IAlbaHost host, string? streamId = null, string? eventType = null)
    {
        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select count(*) from {DatabaseServices.SchemaName}.mt_events where (@stream::text is null or stream_id = @stream) and (@type::text is null or mt_dotnet_type like @type)");
        command.Parameters.AddWithValue("stream", (object?)streamId ?? DBNull.Value);
        command.Parameters.AddWithValue("type", eventType is null ? DBNull.Value : $"%.{eventType},%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
