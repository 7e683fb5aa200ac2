import { type CodeLists, MchError, createPartnerResolver } from '@mch/core';

/** The --country argument: an ISO 3166-1 alpha-3 code of a country (not an aggregate or a residual code). */
export function reportingCountry(arg: unknown, codelists: CodeLists): string {
  const code = String(arg).trim().toUpperCase();
  const special = codelists.special_partners.find((p) => p.code === code);
  const known = /^[A-Z]{3}$/.test(code) && createPartnerResolver(codelists).isKnownCode(code) && (!special || special.kind === 'country');
  if (!known) throw new MchError('usage', `--country must be the ISO alpha-3 code of a country, such as ARM; "${String(arg)}" is not one`);
  return code;
}
