// Test support: a small reader of the XML sdmx/structure.xml is written in (no comments, CDATA or
// processing instructions past the declaration), so tests can walk the message as a tree.

export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export function parseXml(xml: string): Node {
  const root: Node = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|<\?[^?]*\?>|([^<]+)/g;
  for (const m of xml.matchAll(tag)) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) top.text += unescapeXml(m[5]);
    if (!m[2]) continue;
    if (m[1]) {
      if (stack.pop()?.name !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
      continue;
    }
    const attrs = Object.fromEntries([...(m[3] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => [a[1]!, unescapeXml(a[2]!)]));
    const node: Node = { name: m[2], attrs, children: [], text: '' };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  if (stack.length !== 1) throw new Error('unclosed elements');
  return root;
}

/** Every element named `name` below `node`, in document order. */
export function all(node: Node, name: string): Node[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

/** The com:Name (or other) texts of an element by language. */
export function texts(node: Node, name = 'com:Name'): Record<string, string> {
  return Object.fromEntries(node.children.filter((c) => c.name === name).map((c) => [c.attrs['xml:lang'] ?? '', c.text.trim()]));
}
