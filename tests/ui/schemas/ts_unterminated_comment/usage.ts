export interface Usage {
  /** The total, but this comment never ends.
  total?: number;
}
