/** One property in each presence state TypeScript can express. */
export interface TsPresence {
  /** Always present, never null. */
  required: number;
  /** Always present, may be null. */
  requiredNullable: number | null;
  /** May be absent. */
  optional?: number;
  /** May be absent; `| undefined` says nothing more. */
  optionalUndefined?: number | undefined;
  /** Absent, null or a value. */
  optionalNullable?: number | null;
  /** Declared required, but `undefined` is allowed, so the key may be absent on the wire. */
  requiredUndefined: number | undefined;
}
