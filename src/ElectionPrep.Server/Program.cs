using ElectionPrep;
using ElectionPrep.Demo;

// `demo` serves as usual, with the demo's clock and seeded data; whatever follows it is the run command's.
var demo = args is [DemoMode.Command, ..];
if (demo) args = args[1..];
var builder = WebApplication.CreateBuilder(args);
// The documented address unless --urls, ASPNETCORE_URLS or Urls says otherwise; loopback only by default.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls("http://127.0.0.1:5080");
if (demo) builder.AddDemo();
builder.AddElectionPrep();
var app = builder.Build();
app.UseElectionPrep();
return await app.RunElectionPrepAsync(args);

/// <summary>The entry point, visible to the Alba test host.</summary>
public partial class Program;
