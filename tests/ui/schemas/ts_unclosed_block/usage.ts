export interface Usage {
  total?: number;
  prompt?: number;

export enum Modality {
  TEXT = 'TEXT',
}
