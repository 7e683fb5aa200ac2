import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { EXIT, MchError, QualityReport, isCalendarDate } from '@mch/core';
import { waiverFromFinding } from '@mch/quality';
import { refuseIrregular } from '../pipeline/regular-file';
import { argPath } from '../pipeline/repo';
import { systemReason } from '../report-error';

export default defineCommand({
  meta: { name: 'waive', description: 'Turn a finding of report.json into a waiver entry (YAML) bound to the values it saw.' },
  args: {
    report: { type: 'positional', description: 'report.json written by mch check or mch release', required: true },
    finding: { type: 'positional', description: 'the finding id', required: true },
    reason: { type: 'string', description: 'the justification', required: true },
    'approved-by': { type: 'string', description: 'who approved the waiver', required: true },
    date: { type: 'string', description: 'date of approval (YYYY-MM-DD; default: the report release date)' },
  },
  async run({ args }) {
    if (args.date !== undefined && !isCalendarDate(args.date)) throw new MchError('usage', `--date must be a date that exists, as YYYY-MM-DD, not "${args.date}"`);
    const path = argPath(String(args.report));
    refuseIrregular(path, String(args.report));
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new MchError('file-unreadable', `"${args.report}" cannot be read: ${systemReason((e as NodeJS.ErrnoException).code)}`, { where: args.report });
    }
    let report: QualityReport;
    try {
      const parsed = QualityReport.safeParse(JSON.parse(text));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'not a quality report'}`);
      }
      report = parsed.data;
    } catch (e) {
      throw new MchError('file-unreadable', `"${args.report}" is not a report.json written by mch check (${(e as Error).message.slice(0, 200)})`, { where: String(args.report) });
    }
    const date = args.date ?? report.release_date;
    process.stdout.write(waiverFromFinding(report, String(args.finding), String(args.reason), String(args['approved-by']), date));
    return EXIT.ok;
  },
});
