package dev.tickler.runtime;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pursuits one mailbox's last pass assembled, kept for the life of the process with the store's version of its facts
 * ({@link dev.tickler.store.FactRepository#version}). A pass that finds no new mail reuses them instead of reading and
 * decoding every stored fact again, which was most of its cost; a pass that stored anything, or a write by another
 * Tickler process, moves the version on, and the next pass assembles afresh. Only the assembly is kept (the facts in the
 * pursuits' threads, and the Date headers of recent mail from outside), not every fact: a fraction of their memory.
 */
final class LastAssembly {

    private long version = -1;
    private PursuitBoard.Assembly assembly;
    private int reused;

    /** The kept assembly, if the facts are still at {@code version} and it serves these keywords at this time. */
    synchronized Optional<PursuitBoard.Assembly> reuse(long version, Map<String, Set<String>> keywords, Clock clock) {
        if (assembly == null || this.version != version || !assembly.canServe(keywords, clock)) {
            return Optional.empty();
        }
        reused++;
        return Optional.of(assembly);
    }

    /** @param version the facts' version read before they were: a write in between makes the next pass assemble again */
    synchronized void keep(long version, PursuitBoard.Assembly assembly) {
        this.version = version;
        this.assembly = assembly;
    }

    /** How many passes reused an assembly (for tests). */
    synchronized int reused() {
        return reused;
    }
}
