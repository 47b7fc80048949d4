export * from './snapshot';
export { LABELS } from './labels';
export { COLLECTIONS, ENUMS, slug as slugSchema } from './generated';
