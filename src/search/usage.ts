/** Which entries people open most, counted in memory (ids only, never what was typed). */
export class UsageCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly defaults: readonly string[]) {}

  record(ref: string): void {
    this.counts.set(ref, (this.counts.get(ref) ?? 0) + 1);
  }

  /** The most used refs; ties and the empty start fall back to the defaults' order. */
  top(n: number): string[] {
    const rank = (ref: string) =>
      this.defaults.indexOf(ref) === -1 ? this.defaults.length : this.defaults.indexOf(ref);
    return [...new Set([...this.counts.keys(), ...this.defaults])]
      .sort((a, b) => (this.counts.get(b) ?? 0) - (this.counts.get(a) ?? 0) || rank(a) - rank(b))
      .slice(0, n);
  }
}

/** What teachers need most often before anyone has used the bot. */
export const DEFAULT_POPULAR = [
  'step:erste-reaktion',
  'step:kinderschutz',
  'step:anhoerung',
  'step:versaeumnisanzeige',
  'agency:jugendamt',
  'agency:fachstelle-schulabsentismus',
  'agency:kubdo',
  'form:vordruck-080',
];
