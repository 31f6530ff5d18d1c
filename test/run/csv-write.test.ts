import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/report/sanitize/index.js';

describe('writeCsv', () => {
  it('escapes cells a spreadsheet would evaluate, and keeps numbers as numbers', () => {
    const csv = writeCsv(['text', 'number'], [
      ['=cmd|"/c calc"!A1', -1],
      ['+1', 2.5],
      ['-1', 0],
      ['@x', null],
      ['\tlead', undefined],
      ['\rlead', 3],
    ]);
    expect(csv.split('\n')).toEqual([
      'text,number',
      `"'=cmd|""/c calc""!A1",-1`,
      "'+1,2.5",
      "'-1,0",
      "'@x,",
      // tab and CR are shown as escapes (the sanitising layer): no spreadsheet evaluates `\t…`
      '\\tlead,',
      '\\rlead,3',
      '',
    ]);
  });

  it('quotes commas and quotes; a newline in a cell is shown as an escape, so a record is one line', () => {
    expect(writeCsv(['a', 'b'], [['x, y', 'say "hi"'], ['two\nlines', 'plain']])).toBe('a,b\n"x, y","say ""hi"""\ntwo\\nlines,plain\n');
  });
});
