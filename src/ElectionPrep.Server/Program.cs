using ElectionPrep;

var builder = WebApplication.CreateBuilder(args);
builder.AddElectionPrep();
var app = builder.Build();
app.UseElectionPrep();
return await app.RunElectionPrepAsync(args);

/// <summary>The entry point, visible to the Alba test host.</summary>
public partial class Program;
