/**
 * Which conversations each screen has open, so chat messages and typing go only
 * to the screens that show them (issue 15 item 3).
 *
 * A screen keeps the transcripts of the conversations it opened (the renderer's
 * store: at most 20, least recently opened forgotten) and drops every other
 * `digital:messages` event. Sending every message of every conversation to
 * every screen cost main a JSON frame per message and the page a parse per
 * message: at 45,000 messages a second the page's socket fell seconds behind,
 * for events it threw away. A screen opens a conversation by loading its
 * transcript (`digital:transcript`); from then on it gets that conversation's
 * live events. Bounded per screen, least recently opened forgotten first, with
 * room to spare over the renderer's own bound.
 */
export const maxWatchedPerScreen = 50;

export class TranscriptWatchers<S> {
  /** Per screen, in opening order (a Set keeps insertion order: the first is the least recently opened). */
  private readonly bySink = new Map<S, Set<string>>();
  /** Screens that take every conversation's events (benchmarks, tools that record everything). */
  private readonly everything = new Set<S>();

  /** The screen opened this conversation (again): it gets its live events from now on. */
  watch(sink: S, interactionId: string): void {
    const open = this.bySink.get(sink) ?? new Set<string>();
    open.delete(interactionId);
    open.add(interactionId);
    for (const oldest of open) {
      if (open.size <= maxWatchedPerScreen) break;
      open.delete(oldest);
    }
    this.bySink.set(sink, open);
  }

  watchEverything(sink: S): void {
    this.everything.add(sink);
  }

  /** The screen is gone. */
  forget(sink: S): void {
    this.bySink.delete(sink);
    this.everything.delete(sink);
  }

  watches(sink: S, interactionId: string): boolean {
    return this.everything.has(sink) || (this.bySink.get(sink)?.has(interactionId) ?? false);
  }
}
