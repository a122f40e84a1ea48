package dev.tickler.demo;

/** One situation of the demo world and what Tickler should do about it. */
public record DemoScenario(String name, String proposalMessageId, String expected) {
}
