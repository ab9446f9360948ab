export interface GenerateContentConfig {
  temperature?: number;
  /** Lets the caller cancel the request (a DOM type). */
  abortSignal?: AbortSignal;
}
