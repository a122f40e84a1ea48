package dev.tickler.cli;

import dev.tickler.config.ConfigDescriber;
import dev.tickler.config.TicklerConfig;
import dev.tickler.runtime.TemplateLoader;
import picocli.CommandLine.Command;

@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate the configuration and templates, print the effective settings (secrets masked), exit.")
final class CheckConfigCommand extends ConfiguredCommand {

    @Override
    int run(TicklerConfig config) {
        var library = TemplateLoader.library(config.templates(), config.locale(), config.localeByDomain());
        out().println("Templates: " + library.locales() + ", default " + config.locale());
        out().println("Configuration " + options.configFile() + " is valid.");
        ConfigDescriber.describe(config).forEach(line -> out().println("  " + line));
        return ExitCodes.OK;
    }
}
