import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's plain script files in templates/site/js/, in the order they are joined into the page. */
export const APP_SCRIPTS = ['strings.js', 'format.js', 'dom.js', 'table.js', 'chart.js', 'mirror.js', 'csv.js', 'main.js'] as const;

/**
 * The Content-Security-Policy of the page: nothing from the network; scripts only from the
 * release's own folder ('self', which Chromium and Firefox grant to files beside a file:// page)
 * and the page's one inline script and style, by hash, so that not even an injected event
 * handler attribute could run.
 */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' '${hash(script)}'`,
    `style-src '${hash(style)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** index.html from templates/site/: the template with the app, its style and the release's JSON filled in. */
export function pageHtml(templatesDir: string, title: string, release: unknown): string {
  const dir = join(templatesDir, 'site');
  const style = readFileSync(join(dir, 'app.css'), 'utf8');
  const body = APP_SCRIPTS.map((name) => readFileSync(join(dir, 'js', name), 'utf8')).join('\n');
  const script = `(function () {\n'use strict';\n${body}})();\n`;
  for (const [name, text] of [['app.css', style], ['js/', script]] as const) {
    // a closing tag inside would end the element early; the app's own files never need one
    if (/<\/(script|style)/i.test(text)) throw new Error(`site: templates/site/${name} holds a closing </script> or </style> tag`);
  }
  return fill(readFileSync(join(dir, 'index.html'), 'utf8'), {
    csp: escapeHtml(contentSecurityPolicy(script, style)),
    title: escapeHtml(title),
    style,
    script,
    release: jsonInHtml(release),
  });
}

/** A data file beside the page: one call that hands its data to the page (main.js, MCH.register). */
export function dataScript(kind: string, id: string, data: unknown): string {
  return `MCH.register(${JSON.stringify(kind)}, ${JSON.stringify(id)}, ${JSON.stringify(data)});\n`;
}

/** The data of a data script: what `reproduce` compares field by field. */
export function dataScriptData(script: string): { kind: string; id: string; data: unknown } {
  const m = /^MCH\.register\(("(?:[^"\\]|\\.)*"), ("(?:[^"\\]|\\.)*"), ([\s\S]*)\);\n$/.exec(script);
  if (!m) throw new Error('site: not a data script of the release page (MCH.register(kind, id, data);)');
  return { kind: JSON.parse(m[1]!), id: JSON.parse(m[2]!), data: JSON.parse(m[3]!) };
}

/** JSON inside a <script type="application/json">: no character of it can close the element or start markup. */
export function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fill(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const out = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`site: templates/site/index.html asks for {{${name}}}, which the writer does not supply`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((n) => !used.has(n));
  if (unused.length) throw new Error(`site: templates/site/index.html does not place ${unused.join(', ')}`);
  return out;
}

/** For text and double-quoted attributes (the policy's quotes stay as they are). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
