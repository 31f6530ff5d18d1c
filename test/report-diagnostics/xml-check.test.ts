import { describe, expect, it } from 'vitest';
import { parseXml } from './xml-check.js';

const decl = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('the strict XML reader the JUnit tests rely on', () => {
  it('reads elements, attributes and decoded text', () => {
    const root = parseXml(`${decl}<a x="1 &amp; 2"><b/><c>&lt;hi&gt;&#10;</c></a>\n`);
    expect(root.attrs.x).toBe('1 & 2');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[1]!.text).toBe('<hi>\n');
  });
  it.each([
    ['unbalanced tags', `${decl}<a><b></a>`],
    ['a raw ampersand', `${decl}<a>fish & chips</a>`],
    ['a raw < in an attribute', `${decl}<a x="<"/>`],
    ['an unknown entity', `${decl}<a>&nbsp;</a>`],
    ['an unclosed root', `${decl}<a>`],
    ['two roots', `${decl}<a/><b/>`],
    ['a control character', `${decl}<a>\u0001</a>`],
    ['no declaration', '<a/>'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
