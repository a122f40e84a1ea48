package dev.tickler.cli;

import dev.tickler.config.ConfigDescriber;
import dev.tickler.config.ConfigException;
import dev.tickler.config.TicklerConfig;
import dev.tickler.draft.TemplateException;
import dev.tickler.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A subcommand that needs the configuration. Turns the expected failures into one-line messages and
 * the documented exit codes: configuration and templates 2, state database 1. No stack traces.
 */
abstract class ConfiguredCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredCommand.class);

    @Mixin
    CommonOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            TicklerConfig config = options.loadConfig();
            ConfigDescriber.describe(config).forEach(line -> log.info("Config: {}", line));
            return run(config);
        } catch (ConfigException e) {
            err().println("tickler: configuration error in " + options.configFile() + ":\n  "
                    + String.join("\n  ", e.problems()));
            return ExitCodes.USAGE;
        } catch (TemplateException e) {
            err().println("tickler: template error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (StoreException e) {
            err().println("tickler: " + e.getMessage());
            return ExitCodes.RUNTIME_FAILURE;
        } finally {
            err().flush();
            out().flush();
        }
    }

    abstract int run(TicklerConfig config);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
