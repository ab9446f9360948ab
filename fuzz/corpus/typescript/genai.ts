// A vendor file as published: request types that need DOM and function types sit beside the
// usage types. `roots = ["UsageOnly"]` generates only what the usage type reaches.

/** The usage object. */
export interface UsageOnly {
  totalTokenCount?: number;
  modality?: Modality;
}

export enum Modality {
  TEXT = 'TEXT',
  IMAGE = 'IMAGE',
}

/** A request config that no usage type needs. */
export interface RequestConfig {
  abortSignal?: AbortSignal;
  onProgress?: (done: number) => void;
}

export interface Operation<T> {
  response?: T;
}

export function makeConfig(): RequestConfig {
  return {};
}
