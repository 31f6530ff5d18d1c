/**
 * `pointsmith explain <program> --history H --partner ID`: one partner's statement.
 * Exit 0 with the statement; 2 on bad usage, unreadable input or an unknown partner
 * (with a did-you-mean).
 */
import type { Command } from 'commander';
import { buildStatement, findPartner } from '../../analysis/statement.js';
import { suggestion } from '../../diagnostics/did-you-mean.js';
import { replay } from '../../engine/replay.js';
import { formats, type ExplainFormat } from '../../report/explain/index.js';
import { UserError } from '../errors.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { assertFiniteReport } from '../finite.js';
import { partnerSlice, partnerTableSlice } from '../../history/partner-slice.js';

interface ExplainOptions {
  format: ExplainFormat;
  partner: string;
  bom?: boolean;
}

export const registerExplain: RegisterCommand = (root, ctx) => {
  const command = root
    .command('explain')
    .description('a partner statement: points by activity and category per period, multipliers, caps and promotions applied, expiry, tier history, distance to the next tier')
    .argument('<program>', 'the design to replay (.yaml)')
    .requiredOption('--partner <id>', 'the partner to explain (its partner_id)');
  addFormatOption(command, formats, 'table');
  addBomOption(command);
  addHistoryOptions(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith explain programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --partner P00042',
    'pointsmith explain programs/lifecycle.yaml --history fixtures/sample/history.csv --partner P00042 --format json',
    'pointsmith explain programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --partner P00042 --format csv --bom --out P00042.csv',
  ]).action(async (path: string, options: ExplainOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const { store, partners } = history;
    // The partner must be in the history or the partners file (the ids a replay of everyone lists).
    const known = store.partnerIds.includes(options.partner) || partners?.byId.has(options.partner) === true;
    if (!known) {
      const ids = [...new Set([...store.partnerIds, ...(partners?.partners.map((x) => x.id) ?? [])])];
      // Someone may pass the name they know rather than the id.
      const byName = partners?.partners.find((x) => x.name !== '' && x.name.toLowerCase() === options.partner.toLowerCase());
      throw new UserError(`partner \`${options.partner}\` is not in the history${partners !== undefined ? ' or the partners file' : ''}`, {
        hint:
          byName !== undefined
            ? `\`${byName.name}\` is the name of partner \`${byName.id}\`: pass --partner ${byName.id}`
            : (suggestion(options.partner, ids) ?? 'the history has no partners'),
      });
    }
    // Only this partner is replayed: its statement is the same as in a replay of everyone
    // (draws are keyed by partner id), with memory for one partner (issue 13, item 4).
    const slice = partnerSlice(store, options.partner);
    const slicePartners = partnerTableSlice(partners, options.partner);
    const ledger = replay(program, slice, slicePartners);
    const p = findPartner(ledger, options.partner);
    if (p < 0) throw new Error(`explain: partner ${options.partner} missing from its own slice`);
    const statement = buildStatement(ledger, slice, slicePartners, p, store);
    assertFiniteReport(statement, program, 'the statement\'s');
    await ctx.emit(cmd, renderFormatted(ctx, cmd, formats[options.format], statement, {}));
  });
};
