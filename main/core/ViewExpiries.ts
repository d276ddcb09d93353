/**
 * Interaction views the screens hold that turn wrong by the clock alone: a
 * chat waiting for an agent shows "SLA missed" once its deadline passes, with
 * no connector event to make the core send it again. Each sent view's expiry
 * is kept here; every flush asks which ones the clock has passed and sends
 * those interactions again.
 *
 * Cost: a flush before the earliest expiry is one comparison; one after it
 * walks the kept expiries once (linear, bounded by the live interactions).
 */
export class ViewExpiries {
  private readonly after = new Map<string, number>();
  /** No kept expiry is earlier (may be earlier than all of them after a forget: that costs one walk, never a missed expiry). */
  private earliest = Number.POSITIVE_INFINITY;

  /** The view of `id` just sent holds until the clock passes `at` (undefined: until the interaction changes). */
  sent(id: string, at: number | undefined): void {
    if (at === undefined) {
      this.after.delete(id);
      return;
    }
    this.after.set(id, at);
    if (at < this.earliest) this.earliest = at;
  }

  forget(id: string): void {
    this.after.delete(id);
  }

  clear(): void {
    this.after.clear();
    this.earliest = Number.POSITIVE_INFINITY;
  }

  /** The ids whose sent view the clock has passed at `now` (each once: they are forgotten until sent again). */
  passed(now: number): string[] {
    if (!(now > this.earliest)) return [];
    const ids: string[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [id, at] of this.after) {
      if (now > at) {
        ids.push(id);
        this.after.delete(id);
      } else if (at < next) next = at;
    }
    this.earliest = next;
    return ids;
  }
}
