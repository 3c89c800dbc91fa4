using ElectionPrep;

var builder = WebApplication.CreateBuilder(args);
// The documented address unless --urls, ASPNETCORE_URLS or Urls says otherwise; loopback only by default.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls("http://127.0.0.1:5080");
builder.AddElectionPrep();
var app = builder.Build();
app.UseElectionPrep();
return await app.RunElectionPrepAsync(args);

/// <summary>The entry point, visible to the Alba test host.</summary>
public partial class Program;
