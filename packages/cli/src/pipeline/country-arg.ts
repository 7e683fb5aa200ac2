import { type CodeLists, MchError, createPartnerResolver } from '@mch/core';

/** An ISO 3166-1 alpha-3 code of a country (not an aggregate or a residual code); `anyCode` accepts those too. */
export function isReportingCountry(code: string, codelists: CodeLists, anyCode = false): boolean {
  if (!createPartnerResolver(codelists).isKnownCode(code)) return false;
  if (anyCode) return true;
  const special = codelists.special_partners.find((p) => p.code === code);
  return /^[A-Z]{3}$/.test(code) && (!special || special.kind === 'country');
}

/** The --country argument; a name or a near miss gets the code it most likely means. */
export function reportingCountry(arg: unknown, codelists: CodeLists): string {
  const typed = String(arg).trim();
  const code = typed.toUpperCase();
  if (isReportingCountry(code, codelists)) return code;
  const match = createPartnerResolver(codelists).resolve(typed);
  const candidates = (match.kind === 'code' ? [match.code] : match.kind === 'ambiguous' ? match.candidates : match.suggestions).filter((c) =>
    isReportingCountry(c, codelists),
  );
  const hint = candidates.length ? `; did you mean ${candidates.slice(0, 3).join(' or ')}?` : ', such as ARM or KGZ';
  throw new MchError('usage', `--country must be the ISO alpha-3 code of a country; "${typed}" is not one${hint}`);
}
