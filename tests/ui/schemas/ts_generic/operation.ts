/** A long-running operation. */
export interface Operation<T> {
  response?: T;
}

export interface VideoJob {
  operation?: Operation<string>;
}
