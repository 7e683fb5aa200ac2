// sdmx/structure.xml; the partner roles' names, which the JSON-stat writer shares.
export { sdmxStructure } from './message';
export { partnerRoleName } from './codes';
