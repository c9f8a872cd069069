/** An index term a query word stands for, and how strongly. */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
  /** The typed word itself, a form of it or a typo of it — not a piece of a longer compound. */
  readonly anchor?: boolean;
}
