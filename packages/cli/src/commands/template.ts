import { defineCommand } from 'citty';
import { EXIT, MchError, type Observation, isCalendarDate } from '@mch/core';
import { writeQuestionnaireTemplate } from '@mch/ingest';
import { newOutputFile, writeWhole } from '../pipeline/outputs';
import { argPath, findRepoRoot } from '../pipeline/repo';
import { reportingCountry } from '../pipeline/country-arg';
import { readReleaseObservations } from '../pipeline/release-folder';
import { countryContext } from './ingest';

export default defineCommand({
  meta: { name: 'template', description: 'Write the blank questionnaire for a country: Cover, Metadata and one sheet per table, in English and Russian.' },
  args: {
    country: { type: 'string', description: 'ISO alpha-3 code of the reporting country', required: true },
    years: { type: 'string', description: 'reference years, comma-separated, e.g. 2011,2012', required: true },
    config: { type: 'string', description: 'release configuration whose table set, code lists and country aliases apply' },
    round: { type: 'string', description: 'data-collection round on the Cover (default: the last year + 1)' },
    contact: { type: 'string', description: 'contact person on the Cover' },
    date: { type: 'string', description: 'date on the Cover, YYYY-MM-DD (default: left for the country to fill)' },
    prefill: { type: 'string', description: "a release folder: fill in the country's last published figures, e.g. data/releases/2013.1" },
    out: { type: 'string', description: 'the workbook to write (.xlsx)', required: true },
  },
  async run({ args }) {
    const root = findRepoRoot();
    const claimed = String(args.country).toUpperCase();
    const years = String(args.years).split(',').map((y) => y.trim());
    if (!years.every((y) => /^(?:19|20)\d{2}$/.test(y))) throw new MchError('usage', `--years must be years separated by commas, such as 2011,2012, not "${args.years}"`);
    if (args.date !== undefined && !isCalendarDate(String(args.date))) throw new MchError('usage', `--date must be a date as YYYY-MM-DD, not "${args.date}"`);
    if (args.round !== undefined && !/^\d{4}$/.test(String(args.round))) throw new MchError('usage', `--round must be a year such as 2013, not "${args.round}"`);
    if (!args.out.endsWith('.xlsx')) throw new MchError('usage', `--out must name an .xlsx file, not "${args.out}"`);
    // a filled questionnaire under the same name must never be lost
    const out = newOutputFile(argPath(args.out), args.out, '--out');
    const { tableSet, codelists, settings } = countryContext(root, claimed, args.config && argPath(args.config));
    const country = reportingCountry(args.country, codelists);
    const values = args.prefill ? publishedValues(String(args.prefill), country) : undefined;
    const bytes = await writeQuestionnaireTemplate({
      ...{ country, years: [...new Set(years.map(Number))], tableSet, codelists, aliases: settings.aliases },
      ...(args.round ? { round: Number(args.round) } : {}),
      ...(args.contact ? { contact: String(args.contact) } : {}),
      ...(args.date ? { date: String(args.date) } : {}),
      ...(values ? { values } : {}),
    });
    writeWhole([{ path: out, bytes }]);
    const filled = values ? `, prefilled with ${values.filter((o) => years.includes(String(o.time_period))).length} published values of ${args.prefill}` : '';
    console.log(`wrote ${args.out}: the questionnaire for ${country}, years ${years.join(', ')}, ${tableSet.tables.length} table sheets${filled}`);
    return EXIT.ok;
  },
});

/** The country's published values in a release: reported (not derived), free for publication, with a value. */
function publishedValues(release: string, country: string): Observation[] {
  return readReleaseObservations(argPath(release), release, '--prefill').filter((o) => o.ref_area === country && !o.derived && o.conf_status === 'F' && o.obs_value !== null);
}
