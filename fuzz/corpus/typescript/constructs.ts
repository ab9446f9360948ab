// Every TypeScript construct llm-usage supports, in one file (snapshot-tested).
import { Something } from './elsewhere';

/**
 * Token counts, with a JSDoc of several lines
 * and a second paragraph.
 *
 * It extends `BaseUsage`.
 */
export declare interface Usage extends BaseUsage {
  /** A required count. */
  readonly input_tokens: number;
  /** Nullable but always present. */
  cache_creation: CacheCreation | null;
  output_tokens?: number | undefined,
  /** Absent, null or a value. */
  service_tier?: 'standard' | 'priority' | 'batch' | null
  'quoted-name'?: string;
  details?: Usage.Details;
  tags?: Array<string>;
  matrix?: number[][];
  extra?: Record<string, unknown>;
  byModality?: { [modality: string]: number };
  /** An inline object becomes its own struct. */
  tokenBreakdown?: { total?: number; cacheRead?: number | undefined };
  kind: 'usage';
  flag?: true;
  mode?: Mode;
  tier?: OpenTier;
  part?: PartUnion;
  tool(): Promise<void>;
}

/** Fields every usage object has. */
export interface BaseUsage {
  /** The model that was used. */
  model?: string;
}

/** Declaration merging: this adds a field to `BaseUsage`. */
export interface BaseUsage {
  createdAt?: Date;
}

export namespace Usage {
  /** Nested in a namespace: `Usage.Details`. */
  export interface Details {
    reasoning_tokens?: number;
  }
}

/** Cache writes. */
export type CacheCreation = {
  ephemeral_5m_input_tokens: number;
  ephemeral_1h_input_tokens: number;
};

/** A string enum whose member names differ from its values. */
export enum Mode {
  /** The default. */
  UNSPECIFIED = 'unspecified',
  FAST = 'fast',
  /** @deprecated Use `FAST`. */
  QUICK = 'quick',
}

/** A numeric enum without initializers. */
export const enum Level {
  LOW,
  MEDIUM,
  HIGH = 10,
}

/** An open enum: known values plus any string. */
export type OpenTier = (string & {}) | 'auto' | 'default' | 'flex';

/** A literal union. */
export type Role = 'user' | 'assistant';

/** A union of a named type and a scalar. */
export type PartUnion = BaseUsage | string;

/** A plain alias. */
export type Tokens = number;

/** A class: properties are kept, behaviour is skipped. */
export class UsageRecord {
  /** The usage. */
  usage?: Usage;
  level: Level = Level.LOW;
  role!: Role;
  private secret = `x ${1 + 2}`;
  static counter = 0;
  constructor() {}
  get total(): number | undefined {
    return this.usage?.input_tokens;
  }
  describe(): string {
    return `usage ${JSON.stringify({ a: 1 })}`;
  }
}

export function helper(x: number): number {
  return x < 2 ? x : helper(x - 1);
}
