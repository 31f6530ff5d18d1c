import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

describe('what-if commands --help', () => {
  for (const command of ['check', 'compare', 'sensitivity', 'simulate']) {
    it(`${command} --help shows examples and the what-if options`, async () => {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Examples:');
      expect(r.out).toContain(`$ pointsmith ${command} programs/lifecycle.yaml`);
      expect(r.out).toContain('--set <path=value>');
      expect(r.out).toContain('--scenario <name>');
      expect(r.out).toContain('--history <file>');
    });
  }
});
