export enum Flags {
  A = 1,
  B = 1 << 2,
}

export interface Config {
  flags?: Flags;
}
