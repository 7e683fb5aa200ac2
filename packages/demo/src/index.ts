// @mch/demo: the deterministic generator of the illustrative submissions in data/raw.
// Types first, then functions. Internal modules (writers, styles, calibration) are not exported.
export type { GeneratedFile } from './generate';
export type { IdentityFailure } from './identities';
export type { Planted } from './irregularities';
export type { PlantedRound } from './planted-round';
export type { RoundPlant, RoundTrap } from './round-plants';
export type { CellMark, FileSpec } from './plan';
export type { Truth } from './truth';
export type { Values } from './values';

export { buildDemoFiles, fileValues } from './generate';
export { checkIdentities } from './identities';
export { PLANTED } from './irregularities';
export { buildPlantedRound, ROUND_YEARS } from './planted-round';
export { ROUND_PLANTS, ROUND_TRAPS } from './round-plants';
export { demoFiles } from './plan';
export { DEMO_SEED } from './prng';
export { buildTruth, DEMO_YEARS } from './truth';
export { writeDemoData } from './write';
