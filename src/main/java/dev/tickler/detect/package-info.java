/**
 * Classifiers that say what a single message is (proposal, auto-reply, bounce, ordinary mail) and
 * why: every verdict carries {@link dev.tickler.detect.Reason}s a person can read.
 */
package dev.tickler.detect;
