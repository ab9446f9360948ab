export enum Modality {
  TEXT = 'TEXT',
  IMAGE = 'IMAGE'
  AUDIO = 'AUDIO',
}
