import { z } from 'zod';

/** SDMX CL_SEX as used by the Clearing House. */
export const SEX_CODES = ['_T', 'M', 'F', '_U'] as const;
export const Sex = z.enum(SEX_CODES);
export type Sex = z.infer<typeof Sex>;

export const MIGR_TYPE_CODES = ['LT', 'ST', 'NAT'] as const;
export const MigrType = z.enum(MIGR_TYPE_CODES);
export type MigrType = z.infer<typeof MigrType>;

/** OBS_STATUS (SDMX CL_OBS_STATUS subset). */
export const OBS_STATUS_CODES = ['A', 'O', 'M', 'Q', 'P', 'E', 'B'] as const;
export const ObsStatus = z.enum(OBS_STATUS_CODES);
export type ObsStatus = z.infer<typeof ObsStatus>;

/** CONF_STATUS: F free, C confidential, N not for publication (mirror use only). */
export const CONF_STATUS_CODES = ['F', 'C', 'N'] as const;
export const ConfStatus = z.enum(CONF_STATUS_CODES);
export type ConfStatus = z.infer<typeof ConfStatus>;

export const DEFINITION_BASES = [
  'UN_LT12',
  'UN_ST3_12',
  'REG_LT12',
  'PERM_REG',
  'STAY_REG_9M',
  'BORDER',
  'CENSUS',
  'REGISTER_STOCK',
  'OTHER',
] as const;
export const DefinitionBasis = z.enum(DEFINITION_BASES);
export type DefinitionBasis = z.infer<typeof DefinitionBasis>;

/** The MIGR_TYPE a flow on this basis is published as (definitions.md). */
export function migrTypeForBasis(basis: DefinitionBasis): MigrType | undefined {
  switch (basis) {
    case 'UN_LT12':
    case 'REG_LT12':
      return 'LT';
    case 'UN_ST3_12':
      return 'ST';
    case 'CENSUS':
    case 'REGISTER_STOCK':
      return undefined;
    default:
      return 'NAT';
  }
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
