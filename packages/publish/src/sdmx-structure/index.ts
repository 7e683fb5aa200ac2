// sdmx/structure.xml: the SDMX-ML 2.1 structure message behind sdmx/mch.csv.
export { sdmxStructure } from './message';
