/**
 * A track's `set` (best of tracks at the score level): the track's program is the design
 * with these changes, so each path must land somewhere with the right kind of value, in a
 * section a track may change, and the changed design must still be a valid design. The
 * combination needs `mode: best` (an assigned track with its own scoring is not
 * expressed) and `tier_basis: earned`: under the balance basis each track's tier would
 * read a balance that exists only once, after the tracks are merged, so scoring a track on
 * its own balance would spend the same points once per track.
 */
import { applySets, setProblem } from '../paths.js';
import { programSchema, type ProgramData } from '../schema.js';
import { trackSetAllows } from '../track-program.js';
import { checkReference, entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const trackSet: SemanticRule = (ctx: RuleContext) => {
  const tracks = ctx.data.tracks;
  if (tracks === undefined) return;
  const target: Record<string, unknown> = { ...ctx.raw, ...ctx.data };
  // The whole-design check below only means something when the design itself passes the schema.
  const baseValid = programSchema.safeParse(target).success;
  for (const [name, track] of entriesOf(tracks.list)) {
    if (track.set === undefined) continue;
    const at = ['tracks', 'list', name, 'set'];
    if (tracks.mode !== 'best') {
      ctx.sink.report({
        code: 'track-set-needs-best-mode',
        message: `track \`${name}\` has its own scoring (\`set\`), which only \`tracks.mode: best\` uses`,
        path: at,
        part: 'key',
        hint: 'write `mode: best` under `tracks` (every track scored, the best kept), or leave `set` out',
      });
      continue;
    }
    if (ctx.data.calendar?.tier_basis === 'balance') {
      ctx.sink.report({
        code: 'track-set-balance-basis',
        message: `track \`${name}\` has its own scoring (\`set\`) with \`tier_basis: balance\`: the tracks share one balance, known only once the best track is kept`,
        path: at,
        part: 'key',
        hint: 'evaluate tiers on `tier_basis: earned`, or give the tracks thresholds only (`min_points`)',
      });
      continue;
    }
    let pathsOk = true;
    for (const [path, value] of entriesOf(track.set)) {
      const where = [...at, path];
      if (!trackSetAllows(path)) {
        pathsOk = false;
        ctx.sink.report({
          code: 'track-set-not-scoring',
          message: `track \`${name}\`: \`${path}\` is not something a track may change`,
          path: where,
          part: 'key',
          hint: 'a track changes activities, categories, promotions, best_of, tiers or points.round (no name or id)',
        });
        continue;
      }
      const typeProblem = setProblem(target, path, value);
      if (typeProblem !== undefined) {
        pathsOk = false;
        const code = typeProblem.code === 'set-wrong-type' ? 'track-set-wrong-type' : 'track-set-path-matches-nothing';
        ctx.sink.report({ code, message: `track \`${name}\`: ${typeProblem.message}`, path: where, part: code === 'track-set-wrong-type' ? 'value' : 'key', hint: typeProblem.hint });
        continue;
      }
      if (path.endsWith('.category') && typeof value === 'string') checkReference(ctx, 'category', value, where);
    }
    if (!pathsOk || !baseValid) continue;
    const applied = applySets(target as ProgramData, Object.entries(track.set), ctx.sink.file);
    const issue = programSchema.safeParse(applied.data).error?.issues[0];
    if (issue === undefined) continue;
    ctx.sink.report({
      code: 'track-set-invalid',
      message: `track \`${name}\`: with its \`set\`, ${issue.path.join('.')}: ${issue.message}`,
      path: at,
      part: 'key',
      hint: 'give values the format accepts at those paths (see docs/format.md)',
    });
  }
};
