using ExtensibilityHost.Sdk.Cli;

return await ExtCli.RunAsync(args, Console.Out, Console.Error);
