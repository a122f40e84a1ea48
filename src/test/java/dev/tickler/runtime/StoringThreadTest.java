package dev.tickler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tickler.mail.FolderBatch;
import dev.tickler.mail.FolderCursor;
import dev.tickler.mail.FolderRole;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The two stages behind the reader: order kept, nothing stored after a failure, drain waits for both. */
class StoringThreadTest {

    private static FolderBatch batch(long lastUid) {
        return new FolderBatch("INBOX", FolderRole.INBOX, new FolderCursor(7, lastUid), List.of(), List.of());
    }

    @Test
    void batchesArePreparedAndStoredInTheOrderRead() {
        List<Long> stored = new ArrayList<>(); // touched by the storing thread only, read after drain
        try (StoringThread<Long> storing = new StoringThread<>("riley", b -> {
            sleepMs(b.cursor().lastUid() % 3); // uneven preparing times must not reorder anything
            return b.cursor().lastUid();
        }, stored::add)) {
            LongStream.rangeClosed(1, 50).forEach(uid -> storing.accept(batch(uid)));
            storing.drain();
            assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), stored);
        }
    }

    @Test
    void aFailureWhilePreparingStopsLaterBatchesAndReachesTheReader() {
        List<Long> stored = new ArrayList<>();
        try (StoringThread<Long> storing = new StoringThread<>("riley", b -> {
            if (b.cursor().lastUid() == 3) {
                throw new IllegalStateException("unreadable batch");
            }
            return b.cursor().lastUid();
        }, stored::add)) {
            for (long uid = 1; uid <= 5; uid++) {
                try {
                    storing.accept(batch(uid));
                } catch (IllegalStateException e) {
                    break; // the reader learns at its next batch
                }
            }
            assertThrows(IllegalStateException.class, storing::drain);
            assertEquals(List.of(1L, 2L), stored, "nothing after the failed batch: its cursor would skip it");
        }
    }

    @Test
    void aFailureWhileStoringReachesTheReader() {
        try (StoringThread<Long> storing = new StoringThread<>("riley", b -> b.cursor().lastUid(), uid -> {
            throw new IllegalStateException("disk full");
        })) {
            storing.accept(batch(1));
            assertThrows(IllegalStateException.class, storing::drain);
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
