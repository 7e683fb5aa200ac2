// jsonstat/<table>.json, one JSON-stat 2.0 dataset per table of the published model.
export { jsonstatDataset } from './dataset';
