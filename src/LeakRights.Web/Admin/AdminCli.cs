namespace LeakRights.Web.Admin;

/// <summary>
/// `dotnet run --project src/LeakRights.Web -- admin create|list|disable|enable|unlock|set-password|export|import …`: account and backup commands,
/// run against the configured database (created and migrated first). There is no default account.
/// </summary>
public static class AdminCli
{
    public const string Usage = """
        Usage:
          admin create <username> --password-stdin   create an admin account; the password (at least 12 characters) is read from standard input
          admin list                                 list admin accounts
          admin disable <username>                   disable an account (existing sessions end at their next request)
          admin enable <username>                    enable a disabled account again (and clear its lockouts)
          admin unlock <username>                    clear the lockouts of an account (all addresses)
          admin set-password <username> --password-stdin
                                                     set a new password read from standard input; ends the account's sessions
          admin export <file>                        export all statutes and authorities with full history as JSON
          admin import <file>                        import such a file into a database that holds only the seeded content;
                                                     a file with any problem is refused as a whole, with the list of problems
        """;

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (args)
        {
            case ["create", var user, "--password-stdin"]:
                {
                    var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? string.Empty;
                    var problem = await sp.GetRequiredService<AdminAccounts>().CreateAsync(user, password);
                    if (problem is not null)
                    {
                        await error.WriteLineAsync(problem);
                        return 1;
                    }

                    await output.WriteLineAsync($"Created admin account '{user.Trim()}'.");
                    return 0;
                }

            case ["list"]:
                foreach (var u in await sp.GetRequiredService<AdminAccounts>().ListAsync())
                {
                    await output.WriteLineAsync($"{u.UserName}\t{(u.IsDisabled ? "disabled" : "active")}\tcreated {u.CreatedAtUtc:yyyy-MM-dd HH:mm}Z");
                }

                return 0;
            case ["disable", var user]:
                if (await sp.GetRequiredService<AdminAccounts>().DisableAsync(user))
                {
                    await output.WriteLineAsync($"Disabled '{user}'.");
                    return 0;
                }

                await error.WriteLineAsync($"No admin account '{user}'.");
                return 1;
            case ["enable", var user]:
                return await ReportAsync(await sp.GetRequiredService<AdminAccounts>().EnableAsync(user), $"Enabled '{user}'.", user, output, error);
            case ["unlock", var user]:
                return await ReportAsync(await sp.GetRequiredService<AdminAccounts>().UnlockAsync(user), $"Unlocked '{user}'.", user, output, error);
            case ["set-password", var user, "--password-stdin"]:
                {
                    var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? string.Empty;
                    var problem = await sp.GetRequiredService<AdminAccounts>().SetPasswordAsync(user, password);
                    if (problem is not null)
                    {
                        await error.WriteLineAsync(problem);
                        return 1;
                    }

                    await output.WriteLineAsync($"Set a new password for '{user.Trim()}'; its sessions have ended.");
                    return 0;
                }

            case ["export", var file]:
                {
                    var backup = await sp.GetRequiredService<ContentBackup>().ExportAsync(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                    await using var stream = File.Create(file);
                    await System.Text.Json.JsonSerializer.SerializeAsync(stream, backup, ContentBackup.Json);
                    await output.WriteLineAsync($"Exported {backup.Laws.Count} laws and {backup.Authorities.Count} authorities to {file}.");
                    return 0;
                }

            case ["import", var file]:
                {
                    if (!File.Exists(file))
                    {
                        await error.WriteLineAsync($"没有找到文件：{file}");
                        return 1;
                    }

                    await using var stream = File.OpenRead(file);
                    var problems = await sp.GetRequiredService<ContentBackup>().ImportAsync(stream, "cli", null);
                    if (problems.Count > 0)
                    {
                        await error.WriteLineAsync("没有导入：文件有以下问题，网站内容没有任何改动。");
                        foreach (var problem in problems)
                        {
                            await error.WriteLineAsync("  - " + problem);
                        }

                        return 1;
                    }

                    await output.WriteLineAsync($"Imported {file}.");
                    return 0;
                }

            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ReportAsync(bool found, string done, string user, TextWriter output, TextWriter error)
    {
        if (found)
        {
            await output.WriteLineAsync(done);
            return 0;
        }

        await error.WriteLineAsync($"No admin account '{user}'.");
        return 1;
    }
}
