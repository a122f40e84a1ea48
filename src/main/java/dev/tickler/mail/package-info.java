/**
 * Mail as the core sees it: plain records mapped at the edge, and the ports the edges implement.
 * Nothing here does I/O or knows a protocol.
 */
package dev.tickler.mail;
