using System.CommandLine;
using Glidepath.Cli.Hosting;
using Glidepath.Client;
using Glidepath.Client.Generated.Models;

namespace Glidepath.Cli.Remote;

/// <summary>
/// <c>glidepath login --server URL [--email E] [--password-stdin] [--totp CODE]</c>: signs in with the password (and the
/// TOTP code when the user has a second factor) and keeps the tokens in the <see cref="CredentialFile"/>;
/// <c>glidepath logout --server URL</c> revokes the session and forgets them. The password is read without echo
/// from the terminal, or as the first line of stdin with <c>--password-stdin</c>; it is never printed.
/// </summary>
public static class LoginCommand
{
    private const string MfaRequired = "mfa-required";

    public static Command Create(CliEnvironment env, RemoteServer remote)
    {
        var email = new Option<string?>("--email") { Description = "The account's e-mail (asked for when left out)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of stdin (scripts) instead of the terminal." };
        var totp = new Option<string?>("--totp") { Description = "The authenticator's current code, for a user with a second factor (asked for when needed)." };
        var command = new Command("login", "Sign in to a Glidepath server and keep the tokens for --server (docs/server-and-cli.md, \"Remote mode\").")
        {
            email, passwordStdin, totp,
        };
        command.SetAction(async (parse, ct) =>
        {
            var server = remote.Address(parse) ?? throw new RemoteException($"login needs --server URL (or {RemoteServer.ServerVariable}).");
            var prompt = new Prompt(env);
            var user = parse.GetValue(email) ?? prompt.Line("E-mail: ");
            var password = parse.GetValue(passwordStdin) ? env.In.ReadLine() : prompt.Secret("Password: ");
            if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
            {
                return env.Fail(ExitCodes.Failure, "an e-mail and a password are needed (--email, and --password-stdin when stdin is not a terminal).");
            }

            var client = GlidepathClientFactory.Create(server);
            var request = new LoginRequest { Email = user, Password = password, TotpCode = parse.GetValue(totp) };
            TokensDto? tokens;
            try
            {
                tokens = await client.Auth.Login.PostAsync(request, cancellationToken: ct);
            }
            catch (ProblemDetails problem) when (problem.Code == MfaRequired && request.TotpCode is null)
            {
                request.TotpCode = prompt.Line("Authenticator code: ");
                if (string.IsNullOrWhiteSpace(request.TotpCode))
                {
                    return env.Fail(ExitCodes.Failure, "this account has a second factor: give its code with --totp.");
                }

                tokens = await client.Auth.Login.PostAsync(request, cancellationToken: ct);
            }

            var file = CredentialFile.For(env);
            file.Write(server, Tokens.From(tokens, env.Clock));
            env.Out.WriteLine($"signed in to {RemoteServer.Origin(server)} as {user}; tokens kept in {file.Path}.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateLogout(CliEnvironment env, RemoteServer remote)
    {
        var command = new Command("logout", "Revoke the session kept for --server and forget its tokens.");
        command.SetAction(async (parse, ct) =>
        {
            var server = remote.Address(parse) ?? throw new RemoteException($"logout needs --server URL (or {RemoteServer.ServerVariable}).");
            var file = CredentialFile.For(env);
            if (file.Read(server) is not { } stored)
            {
                env.Out.WriteLine($"not signed in to {RemoteServer.Origin(server)}.");
                return ExitCodes.Success;
            }

            await GlidepathClientFactory.Create(server).Auth.Logout.PostAsync(new RefreshRequest { RefreshToken = stored.RefreshToken }, cancellationToken: ct);
            file.Write(server, null);
            env.Out.WriteLine($"signed out of {RemoteServer.Origin(server)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Questions on stderr (stdout stays for results); answers from the terminal, or stdin's lines when redirected.</summary>
    private sealed class Prompt(CliEnvironment env)
    {
        private bool Terminal => ReferenceEquals(env.In, Console.In) && !Console.IsInputRedirected;

        public string? Line(string question)
        {
            env.Error.Write(question);
            return env.In.ReadLine()?.Trim();
        }

        /// <summary>Without echo on a terminal; a redirected stdin gives its next line.</summary>
        public string? Secret(string question)
        {
            if (!Terminal)
            {
                return Line(question);
            }

            env.Error.Write(question);
            var text = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    text.Length = Math.Max(0, text.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    text.Append(key.KeyChar);
                }
            }

            env.Error.WriteLine();
            return text.ToString();
        }
    }
}
