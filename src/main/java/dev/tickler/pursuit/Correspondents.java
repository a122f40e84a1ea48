package dev.tickler.pursuit;

import dev.tickler.mail.Address;
import dev.tickler.mail.MailMessage;
import dev.tickler.mail.RepIdentity;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the rep has written to, and what: the test for whether an incoming message can matter to a
 * pursuit, asked of its outline (envelope and structure) before anything costlier is read.
 *
 * <p>A message can join a pursuit only by pointing into its thread, by coming from a prospect or a
 * colleague at the prospect's company, or (for bounces and out-of-office replies) by being automatic,
 * which the classifier tells from the outline. Pursuits start from the rep's mail to outsiders, so an
 * incoming message concerns the rep's correspondence when
 * <ul>
 *   <li>its sender is someone the rep wrote to, or at the company of one (never a public mail provider);</li>
 *   <li>it comes from outside the company and answers something (an In-Reply-To in the envelope): the
 *       prospect's holding company answering a forward of the proposal links to it in References only;</li>
 *   <li>its In-Reply-To names a message read in full; or</li>
 *   <li>it is a reply or forward ("Re:", "AW:", "Fwd:"...) from outside the company under the subject of the
 *       rep's mail to outsiders (an answer whose client dropped In-Reply-To).</li>
 * </ul>
 * Anything else (newsletters, colleagues, strangers) is read in outline. What the rep wrote to may
 * become known only later (a Sent copy saved after the auto-reply to it arrived, a proposal in a
 * folder read after INBOX), so outlines are checked again at the end of every pass and read in full
 * when they now concern the rep's mail. The sets only grow: a fact forgotten later leaves a name that
 * costs at most a header read. Used by one thread at a time.
 */
public final class Correspondents {

    private final RepIdentity identity;
    private final Set<String> addresses = ConcurrentHashMap.newKeySet();
    private final Set<String> domains = ConcurrentHashMap.newKeySet();
    private final Set<String> subjects = ConcurrentHashMap.newKeySet();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public Correspondents(RepIdentity identity) {
        this.identity = identity;
    }

    /**
     * Whether a message is worth reading in full (its header fields beyond the envelope), given who
     * the rep has written to so far; the rep's own mail to outsiders is, and what it tells is learnt.
     *
     * @param fromRep whether the rep wrote it (filed in Sent, or from the owner or an alias)
     */
    public boolean concerns(MailMessage outline, boolean fromRep) {
        if (fromRep) {
            boolean outside = false;
            for (Address to : outline.recipients()) {
                if (identity.isExternal(to)) {
                    outside = true;
                    addresses.add(to.key());
                    if (!FreemailDomains.contains(to.domain())) {
                        domains.add(to.domain());
                    }
                }
            }
            if (outside) {
                String subject = Subjects.normalize(outline.subject());
                if (!subject.isEmpty()) {
                    subjects.add(subject);
                }
            }
            return outside;
        }
        Address from = outline.from();
        boolean outside = from != null && identity.isExternal(from);
        if (outside && (addresses.contains(from.key()) || (!FreemailDomains.contains(from.domain()) && domains.contains(from.domain())))) {
            return true;
        }
        if (outside && !outline.inReplyTo().isEmpty()) {
            return true; // an answer to something, perhaps to the rep's mail through a forward: References will tell
        }
        for (String parent : outline.inReplyTo()) {
            if (ids.contains(parent)) {
                return true;
            }
        }
        return outside && Subjects.isReplyOrForward(outline.subject()) && subjects.contains(Subjects.normalize(outline.subject()));
    }

    /** Notes a message read in full, so that an answer to it is read in full too. */
    public void readInFull(MailMessage message) {
        if (message.messageId() != null) {
            ids.add(message.messageId());
        }
    }

    /** Learns from a stored fact (read in full or not), as if it had just been read. */
    public void learn(MailMessage stored, boolean fromRep) {
        if (fromRep) {
            concerns(stored, true);
        }
        if (!stored.outline()) {
            readInFull(stored);
        }
    }

    /** How many addresses, company domains, subjects and message ids are known (for logs and tests). */
    public String size() {
        return addresses.size() + " address(es), " + domains.size() + " domain(s), " + subjects.size() + " subject(s), "
                + ids.size() + " message id(s)";
    }
}
