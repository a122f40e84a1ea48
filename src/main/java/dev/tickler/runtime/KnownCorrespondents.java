package dev.tickler.runtime;

import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.MessageClassifier;
import dev.tickler.mail.RepIdentity;
import dev.tickler.pursuit.Correspondents;
import java.util.List;
import java.util.function.Supplier;

/**
 * One mailbox's {@link Correspondents} for the life of the process: learnt from the stored facts the
 * first time a pass reads new mail (an unchanged mailbox never pays for it), then kept up to date by
 * every message read.
 */
final class KnownCorrespondents {

    private final Correspondents correspondents;
    private boolean loaded;

    KnownCorrespondents(RepIdentity identity) {
        this.correspondents = new Correspondents(identity);
    }

    synchronized Correspondents get(Supplier<List<ClassifiedMessage>> stored, MessageClassifier classifier) {
        if (!loaded) {
            for (ClassifiedMessage fact : stored.get()) {
                correspondents.learn(fact.message(), classifier.isFromRep(fact.message()));
            }
            loaded = true;
        }
        return correspondents;
    }
}
