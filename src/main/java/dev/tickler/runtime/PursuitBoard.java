package dev.tickler.runtime;

import dev.tickler.cadence.CadencePlanner;
import dev.tickler.cadence.Decision;
import dev.tickler.detect.ClassifiedMessage;
import dev.tickler.detect.ManualOverrides;
import dev.tickler.mail.RepIdentity;
import dev.tickler.draft.Draft;
import dev.tickler.draft.DraftComposer;
import dev.tickler.pursuit.Pursuit;
import dev.tickler.pursuit.PursuitAssembler;
import dev.tickler.pursuit.PursuitState;
import dev.tickler.store.DraftRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds every pursuit of a mailbox from its facts and decides each one, taking into account the
 * drafts Tickler already placed. Used by a pass (which then writes the due drafts) and by
 * {@code status} (which only shows them), so both always agree.
 */
final class PursuitBoard {

    private final RepIdentity identity;
    private final PursuitAssembler assembler;
    private final CadencePlanner planner;
    private final DraftComposer composer;

    PursuitBoard(RepIdentity identity, PursuitAssembler assembler, CadencePlanner planner, DraftComposer composer) {
        this.identity = identity;
        this.assembler = assembler;
        this.planner = planner;
        this.composer = composer;
    }

    /**
     * @param keywords the rep's override keywords by {@code folder#uid}
     */
    List<PursuitView> decide(List<ClassifiedMessage> facts, Map<String, Set<String>> keywords, List<DraftRecord> drafts,
                             Clock clock) {
        Map<String, DraftRecord> byId = drafts.stream().collect(Collectors.toMap(DraftRecord::messageId, Function.identity()));
        List<ClassifiedMessage> overruled = overrule(facts, keywords);
        List<PursuitView> views = new ArrayList<>();
        for (Pursuit pursuit : assembler.assemble(overruled)) {
            views.add(view(pursuit, planner.decide(pursuit, clock), byId, drafts, clock));
        }
        views.sort(Comparator.comparing((PursuitView v) -> v.pursuit().proposal().sentAt()));
        return views;
    }

    /** The facts with the rep's override keywords applied. */
    List<ClassifiedMessage> overrule(List<ClassifiedMessage> facts, Map<String, Set<String>> keywords) {
        return facts.stream().map(f -> ManualOverrides.apply(f, keywords.get(f.message().logId()), identity)).toList();
    }

    private PursuitView view(Pursuit pursuit, Decision decision, Map<String, DraftRecord> byId, List<DraftRecord> drafts,
                             Clock clock) {
        if (!decision.isDue()) {
            return new PursuitView(pursuit, decision, decision.state(), null, null);
        }
        Draft draft = composer.compose(pursuit, decision, clock);
        DraftRecord placed = byId.get(draft.messageId());
        if (placed != null && placed.isPlaced()) {
            return new PursuitView(pursuit, decision, PursuitState.DRAFTED, draft, null);
        }
        // At most one open draft per pursuit: an earlier step still unsent blocks the next one.
        Set<String> sent = pursuit.touches().stream().map(ClassifiedMessage::messageId).collect(Collectors.toSet());
        for (DraftRecord earlier : drafts) {
            if (earlier.pursuitId().equals(pursuit.id()) && earlier.isPlaced() && earlier.step() < decision.step()
                    && !sent.contains(earlier.messageId())) {
                return new PursuitView(pursuit, decision, PursuitState.DRAFTED, null,
                        "Tickler's draft for touch " + earlier.step() + " is still unsent in " + earlier.folder());
            }
        }
        return new PursuitView(pursuit, decision, PursuitState.DUE, draft, null);
    }
}
