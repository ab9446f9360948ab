export interface Usage {
  input_tokens?: number;
  inputTokens?: number;
}
