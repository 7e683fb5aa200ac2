// Broken and hostile XML in each part, and relationships that are missing, dangling or lead outside.
import { type Parts, VALUE_CELLS as V, editPart } from './base';
import { SHEET, file, withParts } from './make';
import type { Expect, HostileFile, Rand } from './types';

const RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

export function xmlCases(r: Rand): HostileFile[] {
  const out: HostileFile[] = [];
  const refused = (place?: string): Expect => ({ outcome: 'refused', ...(place ? { place } : {}) });
  const same: Expect = { outcome: 'read', valueCells: V, rejections: 0 };
  const part = (category: 'xml-broken' | 'xml-hostile' | 'relationships', what: string, name: string, edit: (xml: string) => string | Uint8Array, expect: Expect) =>
    out.push(file(category, what, 'xlsx', withParts(r, (p) => editPart(p, name, edit)), expect));

  for (const [name, label] of [
    [SHEET, 'sheet'],
    [WORKBOOK, 'workbook'],
    [RELS, 'relationships'],
    [STRINGS, 'shared strings'],
    [STYLES, 'styles'],
  ] as const) {
    part('xml-broken', `${label} truncated`, name, (x) => x.slice(0, Math.floor(x.length * 0.6)), refused(name));
    part('xml-broken', `${label} not XML`, name, () => new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x42]), refused(name));
    part('xml-broken', `${label} with a second root`, name, (x) => `${x}<extra/>`, refused(name));
    part('xml-broken', `${label} with a DTD`, name, (x) => x.replace(/^<\?xml[^>]*>/u, '$&<!DOCTYPE x SYSTEM "file:///etc/passwd">'), refused(name));
  }
  part('xml-broken', 'a mismatched closing tag', SHEET, (x) => x.replace('</row>', '</rows>'), refused(SHEET));
  part('xml-broken', 'an unquoted attribute', SHEET, (x) => x.replace(/r="C7"/u, 'r=C7'), refused(SHEET));
  part('xml-broken', 'a bare ampersand', STRINGS, (x) => x.replace('Russia', 'Russia & Co'), refused(STRINGS));
  part('xml-broken', 'an undefined entity', STRINGS, (x) => x.replace('Russia', 'Russia&nbsp;'), refused(STRINGS));
  part('xml-broken', 'a NUL character reference', STRINGS, (x) => x.replace('Russia', 'Russia&#0;'), refused(STRINGS));
  part('xml-broken', 'a character reference past Unicode', STRINGS, (x) => x.replace('Russia', '&#x110000;'), refused(STRINGS));
  part('xml-broken', 'a lone less-than sign', SHEET, (x) => x.replace('<sheetData>', '<sheetData>< '), refused(SHEET));
  part('xml-broken', 'an unterminated comment', SHEET, (x) => x.replace('<sheetData>', '<sheetData><!-- '), refused(SHEET));
  part('xml-broken', 'text outside the root', SHEET, (x) => `${x}trailing text`, refused(SHEET));

  part('xml-hostile', 'an external entity', SHEET, (x) => x.replace(/^<\?xml[^>]*>/u, '$&<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('<sheetData>', '<sheetData>&x;'), refused(SHEET));
  part('xml-hostile', 'entities and CDATA in strings', STRINGS, (x) => x.replace('Russia', '&#x52;ussi&#97;').replace('Georgia', '<![CDATA[Georgia]]>'), same);
  part('xml-hostile', 'a script element in the sheet', SHEET, (x) => x.replace('<sheetData>', '<script>alert(1)</script><sheetData>'), same);
  part('xml-hostile', 'ten thousand nested elements', SHEET, (x) => x.replace('</worksheet>', `<extLst>${'<ext>'.repeat(10_000)}${'</ext>'.repeat(10_000)}</extLst></worksheet>`), same);
  part('xml-hostile', 'OOXML escapes in strings', STRINGS, (x) => x.replace('Russia', 'Russia_x0009__x202E_'), { outcome: 'read', valueCells: V, rejections: 6 });
  part('xml-hostile', 'a byte-order mark and a UTF-8 declaration', SHEET, (x) => `\ufeff${x}`, same);

  part('relationships', 'the workbook relationships missing', RELS, () => '', refused(RELS));
  out.push(file('relationships', 'the workbook relationships part absent', 'xlsx', withParts(r, (p) => p.filter(([n]) => n !== RELS)), refused(RELS)));
  part('relationships', 'a sheet relationship dangling', RELS, (x) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet9.xml'), refused(RELS));
  part('relationships', 'a sheet relationship outside the package', RELS, (x) => x.replace('worksheets/sheet1.xml', '../../../../etc/passwd'), refused(RELS));
  part('relationships', 'a sheet relationship to a URL', RELS, (x) => x.replace('worksheets/sheet1.xml', 'http://evil.example/sheet1.xml'), refused(RELS));
  part('relationships', 'an external sheet relationship', RELS, (x) => x.replace('Target="worksheets/sheet1.xml"', 'Target="worksheets/sheet1.xml" TargetMode="External"'), refused(RELS));
  part('relationships', 'a sheet without its relationship id', WORKBOOK, (x) => x.replace('r:id="rId1"', 'r:id="rId99"'), refused(RELS));
  part('relationships', 'an absolute sheet target', RELS, (x) => x.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"'), same);
  part('relationships', 'a percent-encoded sheet target', RELS, (x) => x.replace('worksheets/sheet1.xml', 'worksheets/sheet%31.xml'), same);
  part('relationships', 'a dot-dot sheet target inside the package', RELS, (x) => x.replace('worksheets/sheet1.xml', '../xl/worksheets/./sheet1.xml'), same);
  part('relationships', 'a shared strings relationship dangling', RELS, (x) => x.replace('Target="sharedStrings.xml"', 'Target="strings9.xml"'), refused(RELS));
  part('relationships', 'the package relationship to a missing workbook', '_rels/.rels', (x) => x.replace('xl/workbook.xml', 'xl/book9.xml'), refused());
  part('relationships', 'the package relationship naming no workbook', '_rels/.rels', (x) => x.replace(/Type="[^"]*"/u, 'Type="x"'), refused('_rels/.rels'));
  out.push(file('relationships', 'no package relationships', 'xlsx', withParts(r, (p) => p.filter(([n]) => n !== '_rels/.rels')), same));
  out.push(file('relationships', 'no styles', 'xlsx', withParts(r, (p) => dropStyles(p)), same));
  out.push(
    file(
      'relationships',
      'the sheet under a bak name its relationship names',
      'xlsx',
      withParts(r, (p) => p.map(([n, c]) => [n === SHEET ? `${SHEET}.bak` : n, n === RELS && typeof c === 'string' ? c.replace('sheet1.xml"', 'sheet1.xml.bak"') : c])),
      same,
    ),
  );
  out.push(
    file(
      'relationships',
      'an unused worksheet part with cells',
      'xlsx',
      withParts(r, (p) => [...p, ['xl/worksheets/sheet3.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>']]),
      { outcome: 'read', valueCells: V, rejections: 0, warning: 'no sheet of the workbook uses' },
    ),
  );
  return out;
}

function dropStyles(parts: Parts): Parts {
  return parts.filter(([n]) => n !== STYLES).map(([n, c]) => [n, n === RELS && typeof c === 'string' ? c.replace(/<Relationship Id="rIdT"[^>]*\/>/u, '') : c]);
}
