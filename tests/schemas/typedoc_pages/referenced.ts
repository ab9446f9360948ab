// What the class page refers to, as declarations beside the pages: formats mix in one folder.

/** A token count for one modality. */
export interface ModalityTokenCount {
  modality?: string;
  tokenCount?: number;
}

/** How the request's capacity was provided. */
export enum TrafficType {
  ON_DEMAND = 'ON_DEMAND',
  PROVISIONED_THROUGHPUT = 'PROVISIONED_THROUGHPUT',
}
