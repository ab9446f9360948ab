// Google Gen AI usage types that the `UsageMetadata` page refers to, written for llm-usage
// from the facts of googleapis/js-genai `src/types.ts` (6e9b35c4); the wording is ours.

/** The token count of one modality of content. */
export declare interface ModalityTokenCount {
  /** Which modality the count is for. */
  modality?: MediaModality;
  /** How many tokens of that modality. */
  tokenCount?: number;
}

/** The kind of media a part of a request or a response carries. */
export enum MediaModality {
  /** The modality was not given. */
  MODALITY_UNSPECIFIED = 'MODALITY_UNSPECIFIED',
  /** Plain text. */
  TEXT = 'TEXT',
  /** Images. */
  IMAGE = 'IMAGE',
  /** Video. */
  VIDEO = 'VIDEO',
  /** Audio. */
  AUDIO = 'AUDIO',
  /** Documents such as PDF files. */
  DOCUMENT = 'DOCUMENT',
}

/** How a request's capacity was provided and billed (Vertex AI). */
export enum TrafficType {
  /** The traffic type was not given. */
  TRAFFIC_TYPE_UNSPECIFIED = 'TRAFFIC_TYPE_UNSPECIFIED',
  /** Pay-as-you-go capacity. */
  ON_DEMAND = 'ON_DEMAND',
  /** Pay-as-you-go capacity at priority. */
  ON_DEMAND_PRIORITY = 'ON_DEMAND_PRIORITY',
  /** Pay-as-you-go capacity at the flex tier. */
  ON_DEMAND_FLEX = 'ON_DEMAND_FLEX',
  /** Reserved (provisioned throughput) capacity. */
  PROVISIONED_THROUGHPUT = 'PROVISIONED_THROUGHPUT',
}

/** The pricing and performance tier a request ran on. */
export enum ServiceTier {
  /** No tier was given, which means the standard tier. */
  UNSPECIFIED = 'unspecified',
  /** The flex tier: cheaper, with looser latency. */
  FLEX = 'flex',
  /** The standard tier. */
  STANDARD = 'standard',
  /** The priority tier. */
  PRIORITY = 'priority',
}

/** Token usage of a `generateContent` response, with counts for the generated candidates. */
export class GenerateContentResponseUsageMetadata {
  /** Per-modality token counts of the cached content used for the request. */
  cacheTokensDetails?: ModalityTokenCount[];
  /** Tokens of the cached content used for the request. */
  cachedContentTokenCount?: number;
  /** Tokens across all generated candidates. */
  candidatesTokenCount?: number;
  /** Per-modality token counts of the generated candidates. */
  candidatesTokensDetails?: ModalityTokenCount[];
  /** Tokens in the prompt, including cached content when there is some. */
  promptTokenCount?: number;
  /** Per-modality token counts of the prompt. */
  promptTokensDetails?: ModalityTokenCount[];
  /** Tokens of the model's "thoughts", where the model thinks. */
  thoughtsTokenCount?: number;
  /** Tokens of tool results given back to the model as input. */
  toolUsePromptTokenCount?: number;
  /** Per-modality token counts of tool results given back to the model. */
  toolUsePromptTokensDetails?: ModalityTokenCount[];
  /** Tokens of the whole request: prompt, candidates, tool use and thoughts. */
  totalTokenCount?: number;
  /** How the request's capacity was provided. */
  trafficType?: TrafficType;
}
