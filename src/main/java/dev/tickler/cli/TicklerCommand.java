package dev.tickler.cli;

import picocli.CommandLine.Command;

@Command(name = "tickler",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds proposals with no defined next step and drafts the follow-up into the rep's Drafts folder.",
        subcommands = {RunCommand.class, ScanCommand.class, StatusCommand.class, PlanCommand.class, ExplainCommand.class, CheckConfigCommand.class,
                DemoCommand.class, picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a mailbox or the state database failed", "2:bad command line, configuration or templates"})
final class TicklerCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
