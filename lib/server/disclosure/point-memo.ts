/**
 * Points decided for one reading of the disclosure inputs (one per disclosure version), kept per group of teams:
 * a group's key is long (the whole organisation's team ids), so it is kept once, not in every point's key. The
 * points are forgotten together when the memo holds `maxPoints` of them or `maxGroups` groups, so a reading that
 * lives long (no write moves the version) holds a bounded amount of memory however many views ask.
 */
export const MAX_POINTS = 20_000;
export const MAX_GROUPS = 1_000;

export class PointMemo<V> {
  private points = 0;
  private readonly byGroup = new Map<string, Map<string, V>>();

  constructor(
    private readonly maxPoints = MAX_POINTS,
    private readonly maxGroups = MAX_GROUPS,
  ) {}

  get size(): number {
    return this.points;
  }

  get(group: string, key: string): V | undefined {
    return this.byGroup.get(group)?.get(key);
  }

  set(group: string, key: string, value: V): void {
    let ofGroup = this.byGroup.get(group);
    if (ofGroup?.has(key)) {
      ofGroup.set(key, value);
      return;
    }
    if (this.points >= this.maxPoints || (!ofGroup && this.byGroup.size >= this.maxGroups)) {
      this.byGroup.clear();
      this.points = 0;
      ofGroup = undefined;
    }
    if (!ofGroup) this.byGroup.set(group, (ofGroup = new Map()));
    ofGroup.set(key, value);
    this.points++;
  }
}
