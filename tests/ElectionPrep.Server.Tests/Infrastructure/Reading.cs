using Alba;

namespace ElectionPrep.Infrastructure;

/// <summary>Reads as a signed-in user: every endpoint but health, sign-in and the public proofs needs one.</summary>
public static class Reading
{
    /// <summary>GETs the JSON at <paramref name="url"/> as an observer unless another token is given; anything but 200 fails.</summary>
    public static async Task<T> Read<T>(this IAlbaHost host, string url, string? token = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token ?? TestUsers.Observer);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }
}
