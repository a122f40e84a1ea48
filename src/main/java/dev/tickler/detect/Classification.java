package dev.tickler.detect;

import java.util.List;

/** A message's kind, its proposal score where it was scored, and every reason behind both. */
public record Classification(MessageKind kind, int proposalScore, List<Reason> reasons) {
    public Classification {
        reasons = List.copyOf(reasons);
    }
}
