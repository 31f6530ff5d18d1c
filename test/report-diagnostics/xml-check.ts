/**
 * A deliberately strict reader for the small XML our JUnit renderer writes: one
 * declaration, elements with double-quoted attributes, text, no comments, CDATA or DTD.
 * It throws on anything not well-formed (unbalanced tags, a raw `<` or `&`, unknown
 * entities, duplicate attributes) and returns the tree with entities decoded, so tests
 * can check both that the output parses and what it says.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`raw '<' at ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated entity at ${where}: ${match}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[body] !== undefined) return named[body];
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (num?.[1]) return String.fromCodePoint(parseInt(num[1], body.startsWith('#x') ? 16 : 10));
    throw new Error(`unknown entity &${body}; at ${where}`);
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!declaration) throw new Error('missing XML declaration');
  i = declaration[0].length;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) throw new Error('control character not allowed in XML');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text, i);
    else if (text.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (lt < 0) break;
    i = lt + 1;
    if (xml[i] === '/') {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name || xml[i + 1 + name.length] !== '>') throw new Error(`mismatched close tag at ${lt}`);
      i += name.length + 2;
      continue;
    }
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`bad tag at ${lt}`);
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const m = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(xml.slice(i));
      if (!m) break;
      if (m[1]! in attrs) throw new Error(`duplicate attribute ${m[1]} at ${i}`);
      attrs[m[1]!] = decode(m[2]!, i);
      i += m[0].length;
    }
    const element: XmlElement = { name, attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else if (root) throw new Error('two root elements');
    else root = element;
    if (xml.startsWith('/>', i)) i += 2;
    else if (xml[i] === '>') {
      i += 1;
      stack.push(element);
    } else throw new Error(`bad attribute or unclosed tag at ${i}`);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}
