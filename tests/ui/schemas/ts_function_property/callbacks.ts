/** Callbacks of a live session. */
export interface LiveCallbacks {
  /** Called with each message. */
  onmessage: (e: string) => void;
}
