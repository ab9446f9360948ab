// AWS Bedrock Converse `TokenUsage`, written for llm-usage: no vendor declaration file is
// shared, so this follows the facts listed in the vendor corpus README (AWS's Bedrock runtime
// API reference for `TokenUsage` and `CacheDetail`); the wording of the comments is ours.
// Real responses also carry `serverToolUsage` and the undocumented duplicates
// `cacheReadInputTokenCount` / `cacheWriteInputTokenCount`: kept as unknown fields.

/** The tokens one Converse or ConverseStream call used. */
export interface TokenUsage {
  /** Input tokens that were neither read from nor written to the prompt cache. */
  inputTokens: number;
  /** Tokens the model generated. */
  outputTokens: number;
  /** Every token of the call: input, cache reads, cache writes and output. */
  totalTokens: number;
  /** Input tokens read from the prompt cache. */
  cacheReadInputTokens?: number;
  /** Input tokens written to the prompt cache. */
  cacheWriteInputTokens?: number;
  /** The cache writes, by how long the cached content lives. */
  cacheDetails?: CacheDetail[];
}

/** Cache writes of one lifetime. */
export interface CacheDetail {
  /** How long the cached content lives, such as `5m` or `1h`. */
  ttl: string;
  /** Input tokens written to the cache with that lifetime. */
  inputTokens: number;
}
