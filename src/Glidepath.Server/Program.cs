using Glidepath.Server.Api;
using Glidepath.Server.Errors;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApiErrors();
builder.Services.AddApiDocumentation();

var app = builder.Build();

app.UseApiErrors();
app.MapApiDocumentation();
app.MapGlidepathApi();

await app.RunAsync();
