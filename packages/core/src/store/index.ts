// The columnar observation store: append, rebuild on demand, serialise deterministically.
export type { Origin, Rows } from './store';
export { ObservationStore } from './store';
export { deserialiseStore, serialiseStore } from './binary';
