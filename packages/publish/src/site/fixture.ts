// Test support: the fixture release with a second country in T04, a mirror pair outside the band
// and hostile text from country files, for the release page's tests.
import type { ReleaseModel } from '../model';
import { fixtureModel, obs } from '../testing/fixture';

/** Text a country file could hold that must stay text on the page. */
export const HOSTILE = {
  markup: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  rtl: 'Tbilisi\u202Egnp.exe',
};

export function siteModel(): ReleaseModel {
  const base = fixtureModel();
  const t04 = { ref_area: 'GEO', table: 'T04', migr_type: 'NAT', definition_basis: 'BORDER' } as const;
  return {
    ...base,
    data: {
      ...base.data,
      observations: [
        ...base.data.observations,
        obs({ ...t04, partner: 'ARM', obs_value: 80 }),
        obs({ ...t04, partner: '_T', obs_value: 900 }),
        obs({ ...t04, time_period: 2011, partner: '_T', obs_value: 12345678 }),
      ],
      metadata: [...base.data.metadata, { ...base.data.metadata[1]!, table: 'T04', source_kind: `border crossings ${HOSTILE.rtl}` }],
      notes: [...base.data.notes, { ref_area: 'GEO', table: 'T04', ref: '', text: HOSTILE.markup, source: { file: 'data/raw/GEO/geo_2013.csv', sha256: 'b'.repeat(64), sheet: '', cell: '9', raw: HOSTILE.markup } }],
    },
    quality: {
      ...base.quality,
      mirror: [
        ...base.quality.mirror,
        { ...base.quality.mirror[0]!, receiving: 'GEO', sending: 'ARM', immigration: 80, emigration: 20, ratio: 4, asymmetry: 0.6, flagged: true, basis_in: 'BORDER', basis_out: 'PERM_REG' },
      ],
    },
  };
}
