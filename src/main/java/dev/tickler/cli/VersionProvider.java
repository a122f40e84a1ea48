package dev.tickler.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tickler " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version")};
    }
}
