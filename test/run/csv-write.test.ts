import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/report/csv-write.js';

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
      "'\tlead,",
      // a CR inside a cell must be quoted, or a reader would see a line break
      `"'\rlead",3`,
      '',
    ]);
  });

  it('quotes commas, quotes and newlines', () => {
    expect(writeCsv(['a', 'b'], [['x, y', 'say "hi"'], ['two\nlines', 'plain']])).toBe(
      'a,b\n"x, y","say ""hi"""\n"two\nlines",plain\n',
    );
  });
});
