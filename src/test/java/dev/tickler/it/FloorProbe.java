package dev.tickler.it;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.Properties;

/**
 * The bench's floor: one plain pipelined {@code UID FETCH 1:* (UID FLAGS INTERNALDATE ENVELOPE BODYSTRUCTURE)} (and
 * any header fields) of Sent and INBOX with Angus, connecting included. {@link ImapSyncBench} runs it in its own JVM
 * too ({@link #main}), with the service's JVM options, so that the floor starts as cold as Tickler's scan does.
 */
public final class FloorProbe {

    private FloorProbe() {
    }

    /** Milliseconds for the floor's FETCH of both folders of {@code user} on 127.0.0.1:{@code port} (password "pw"). */
    static long fetchAll(int port, String user, String... headers) throws Exception {
        long start = System.nanoTime();
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, user, "pw");
        try (store) {
            for (String f : new String[] {"Sent", "INBOX"}) {
                Folder folder = store.getFolder(f);
                folder.open(Folder.READ_ONLY);
                FetchProfile fp = new FetchProfile();
                fp.add(UIDFolder.FetchProfileItem.UID);
                fp.add(FetchProfile.Item.FLAGS);
                fp.add(FetchProfile.Item.ENVELOPE);
                fp.add(FetchProfile.Item.CONTENT_INFO);
                for (String h : headers) {
                    fp.add(h);
                }
                folder.fetch(folder.getMessages(), fp);
                folder.close(false);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** {@code FloorProbe PORT USER}: prints {@code floor N ms}. */
    public static void main(String[] args) throws Exception {
        System.out.println("floor " + fetchAll(Integer.parseInt(args[0]), args[1]) + " ms");
    }
}
