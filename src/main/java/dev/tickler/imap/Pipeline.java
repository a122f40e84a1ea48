package dev.tickler.imap;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Commands on one open folder, written before the answers to earlier ones are read (RFC 3501 §5.5: the client
 * may send another command without waiting for the completion of one before). While Tickler maps one batch and
 * reads its details, the server is already answering the next batch's outline instead of waiting for its turn;
 * over a link with latency it also saves a round trip per batch.
 *
 * <p>Answers are read off the one connection in order. A FETCH response goes to the command in flight that named
 * its UID (a server may run commands at once and interleave their answers), else to the oldest command in flight;
 * any other untagged response (EXISTS, EXPUNGE, VANISHED, …) also goes to Angus at once, which keeps the folder's
 * message numbers right. FETCH answers are ours alone: no message object is made or cached for them.
 *
 * <p>Nothing else may use the folder's connection while a command is in flight: {@link #drain()} before the
 * Message API or another Pipeline. Not thread-safe: one reader per folder.
 */
final class Pipeline {

    private final IMAPFolder folder;
    private final ArrayDeque<Command> inFlight = new ArrayDeque<>();

    Pipeline(IMAPFolder folder) {
        this.folder = folder;
    }

    /** One command written to the server; its answers are kept until {@link #await} hands them over. */
    static final class Command {
        private final String text;
        private final Set<Long> uids;
        private final boolean tolerateNo;
        private final List<Response> responses = new ArrayList<>();
        private String tag;
        private Response result;

        private Command(String text, Set<Long> uids, boolean tolerateNo) {
            this.text = text;
            this.uids = uids;
            this.tolerateNo = tolerateNo;
        }

        @Override
        public String toString() {
            return tag + " " + text;
        }
    }

    /**
     * Writes a command without waiting for its answer.
     *
     * @param uids       the UIDs a FETCH names (its answers are told from another's by them), or empty
     * @param tolerateNo a NO hands over what came before it instead of failing (a FETCH of a message expunged meanwhile)
     */
    Command send(String text, Collection<Long> uids, boolean tolerateNo) throws MessagingException {
        Command command = new Command(text, Set.copyOf(uids), tolerateNo);
        folder.doCommand(protocol -> {
            try {
                command.tag = protocol.writeCommand(text, null);
            } catch (IOException e) {
                throw lost(protocol, e);
            }
            return null;
        });
        inFlight.add(command);
        return command;
    }

    /**
     * Every answer to this command, its completion last, reading (and keeping) the answers to the commands written
     * before it first.
     *
     * @throws MessagingException when the server answers NO (unless tolerated) or BAD, or the connection is lost
     */
    Response[] await(Command command) throws MessagingException {
        return (Response[]) folder.doCommand(protocol -> {
            while (command.result == null) {
                if (inFlight.isEmpty()) {
                    throw new IllegalStateException("no answer will come for " + command + ": it was not sent on this pipeline");
                }
                readOne(protocol);
            }
            if (!(command.tolerateNo && command.result.isNO())) {
                protocol.handleResult(command.result); // NO or BAD: a ProtocolException, surfaced as MessagingException
            }
            List<Response> all = new ArrayList<>(command.responses);
            all.add(command.result);
            command.responses.clear(); // handed over: the caller holds them now
            return all.toArray(new Response[0]);
        });
    }

    /** {@link #send} then {@link #await}: one command, after whatever is in flight. */
    Response[] run(String text, Collection<Long> uids, boolean tolerateNo) throws MessagingException {
        return await(send(text, uids, tolerateNo));
    }

    /** Reads the answers to every command in flight, kept for their {@link #await}: the connection is free after. */
    void drain() throws MessagingException {
        if (inFlight.isEmpty()) {
            return;
        }
        folder.doCommand(protocol -> {
            while (!inFlight.isEmpty()) {
                readOne(protocol);
            }
            return null;
        });
    }

    /** Whether a command's answer is still to be read. */
    boolean busy() {
        return !inFlight.isEmpty();
    }

    /**
     * The connection is lost (a timeout mid-answer leaves it unusable): the folder is told, as Angus's own command
     * loop tells it with a BYE, so that it closes and disconnects instead of sending more on it.
     */
    private static ConnectionException lost(IMAPProtocol protocol, IOException e) {
        Response bye = Response.byeResponse(e);
        protocol.notifyResponseHandlers(new Response[] {bye});
        return new ConnectionException(protocol, bye);
    }

    private void readOne(IMAPProtocol protocol) throws ProtocolException {
        Response r;
        try {
            r = protocol.readResponse();
        } catch (IOException e) { // a timeout, or the server gone
            throw lost(protocol, e);
        } catch (ProtocolException e) {
            return; // a response Angus could not parse: skipped, as its own command loop does
        }
        if (r.isBYE()) {
            protocol.notifyResponseHandlers(new Response[] {r}); // the folder learns it is closed
            throw new ConnectionException(protocol, r);
        }
        if (r.isTagged()) {
            for (java.util.Iterator<Command> it = inFlight.iterator(); it.hasNext(); ) {
                Command c = it.next();
                if (r.getTag().equals(c.tag)) {
                    c.result = r;
                    it.remove();
                    protocol.notifyResponseHandlers(new Response[] {r}); // its response codes (HIGHESTMODSEQ, ALERT)
                    return;
                }
            }
            return; // the completion of a command not ours: nothing waits for it
        }
        Command owner = inFlight.peekFirst();
        if (r instanceof FetchResponse fetch) {
            UID uid = fetch.getItem(UID.class);
            if (uid != null) {
                for (Command c : inFlight) {
                    if (c.uids.contains(uid.uid)) {
                        owner = c;
                        break;
                    }
                }
            }
        } else {
            protocol.notifyResponseHandlers(new Response[] {r});
        }
        if (owner != null) {
            owner.responses.add(r);
        }
    }
}
