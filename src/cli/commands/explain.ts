/**
 * `pointsmith explain <program> --history H --partner ID`: one partner's statement;
 * `--person ID` (a design with `individuals:`): one seller's, from the seller programme.
 * Exit 0 with the statement; 2 on bad usage, unreadable input or an unknown partner or
 * seller (with a did-you-mean).
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
import { findSeller, personView } from '../../history/person-store.js';
import type { EventStore, PartnerTable } from '../../history/event-store.js';
import type { Program } from '../../program/program.js';
import { sellerProgram } from '../../program/seller-program.js';
import type { Statement } from '../../analysis/statement-types.js';

interface ExplainOptions {
  format: ExplainFormat;
  partner?: string;
  person?: string;
  bom?: boolean;
}

export const registerExplain: RegisterCommand = (root, ctx) => {
  const command = root
    .command('explain')
    .description('a partner statement: points by activity and category per period, multipliers, caps and promotions applied, expiry, tier history, distance to the next tier')
    .argument('<program>', 'the design to replay (.yaml)')
    .option('--partner <id>', 'the partner to explain (its partner_id)')
    .option('--person <id>', 'with `individuals:` in the design: the seller to explain, as partner/person or a person id alone when one firm has it');
  addFormatOption(command, formats, 'table');
  addBomOption(command);
  addHistoryOptions(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith explain programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --partner P00042',
    'pointsmith explain programs/lifecycle.yaml --history fixtures/sample/history.csv --partner P00042 --format json',
    'pointsmith explain programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --partner P00042 --format csv --bom --out P00042.csv',
    'pointsmith explain fixtures/sellers/program.yaml --history fixtures/sellers/history.csv --partners fixtures/sellers/partners.csv --person acme/ann',
  ]).action(async (path: string, options: ExplainOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    if ((options.partner === undefined) === (options.person === undefined)) {
      throw new UserError(options.partner === undefined ? 'explain needs --partner ID (a firm) or --person ID (a seller)' : '--partner and --person name two statements: give one', {
        hint: 'e.g. --partner P00042, or --person P00042/ann with a design that has `individuals:`',
      });
    }
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const { store, partners } = history;
    if (options.person !== undefined) {
      const statement = sellerStatement(program, store, partners, options.person, path);
      assertFiniteReport(statement, program, 'the statement\'s');
      await ctx.emit(cmd, renderFormatted(ctx, cmd, formats[options.format], statement, {}));
      return;
    }
    // Exactly one of --partner and --person was given (checked above).
    const id = options.partner as string;
    // The partner must be in the history or the partners file (the ids a replay of everyone lists).
    const known = store.partnerIds.includes(id) || partners?.byId.has(id) === true;
    if (!known) {
      const ids = [...new Set([...store.partnerIds, ...(partners?.partners.map((x) => x.id) ?? [])])];
      // Someone may pass the name they know rather than the id.
      const byName = partners?.partners.find((x) => x.name !== '' && x.name.toLowerCase() === id.toLowerCase());
      throw new UserError(`partner \`${id}\` is not in the history${partners !== undefined ? ' or the partners file' : ''}`, {
        hint:
          byName !== undefined
            ? `\`${byName.name}\` is the name of partner \`${byName.id}\`: pass --partner ${byName.id}`
            : (suggestion(id, ids) ?? 'the history has no partners'),
      });
    }
    // Only this partner is replayed: its statement is the same as in a replay of everyone
    // (draws are keyed by partner id), with memory for one partner (issue 13, item 4).
    const slice = partnerSlice(store, id);
    const slicePartners = partnerTableSlice(partners, id);
    const ledger = replay(program, slice, slicePartners);
    const p = findPartner(ledger, id);
    if (p < 0) throw new Error(`explain: partner ${id} missing from its own slice`);
    const statement = buildStatement(ledger, slice, slicePartners, p, store);
    assertFiniteReport(statement, program, 'the statement\'s');
    await ctx.emit(cmd, renderFormatted(ctx, cmd, formats[options.format], statement, {}));
  });
};

/**
 * One seller's statement: the seller programme (seller-program.ts) replayed on the
 * person-keyed view of the seller's firm only, as run's person ledger would give it
 * (draws are keyed by the seller key); deal sizes for the gap plan averaged over the whole
 * history, as a partner's statement does.
 */
function sellerStatement(program: Program, store: EventStore, partners: PartnerTable | undefined, id: string, path: string): Statement {
  const sellers = sellerProgram(program);
  if (sellers === undefined || program.individuals === undefined) {
    throw new UserError(`${path} has no seller programme (\`individuals:\`), so there is no seller to explain`, {
      hint: 'explain a firm with --partner ID, or add an `individuals:` section (docs/format.md)',
    });
  }
  const column = program.individuals.person_column;
  const found = findSeller(store, column, id);
  if ('ambiguous' in found) {
    throw new UserError(`person \`${id}\` sells for several partners: ${found.ambiguous.map((k) => `\`${k}\``).join(', ')}`, {
      hint: `name the seller with the firm, e.g. --person ${found.ambiguous[0] ?? id}`,
    });
  }
  if ('missing' in found) {
    throw new UserError(`no seller \`${id}\` in the history's \`${column}\` column`, {
      hint: found.missing.length === 0 ? `no row of the history names a person in \`${column}\`` : (suggestion(id, found.missing) ?? `sellers are named partner/person, e.g. ${found.missing[0]}`),
    });
  }
  const slice = partnerSlice(store, found.seller.partner);
  const view = personView(slice, partnerTableSlice(partners, found.seller.partner), column);
  const ledger = replay(sellers, view.store, view.people);
  const p = findPartner(ledger, found.seller.key);
  if (p < 0) throw new Error(`explain: seller ${found.seller.key} missing from its own slice`);
  return buildStatement(ledger, view.store, view.people, p, store);
}
