/**
 * Best of tracks at the score level (`tracks.mode: best` with a track's `set`): each
 * track is a program of its own, the design with the track's `set` changes and the
 * track's `min_points`, over the same history; the engine scores the partner under each
 * and keeps the best (src/engine/best-track.ts).
 */
import { applySets } from './paths.js';
import { deepFreeze, type Program } from './program.js';
import { programSchema, type ProgramData, type Track } from './schema.js';

/**
 * What a track's `set` may change: how points are earned and tiers reached (activities,
 * categories, promotions, best_of, tiers, points.round), not the calendar, expiry,
 * rewards or redemption (the tracks share one balance, redeemed once), nor a name or id
 * (the tracks' ledgers are merged by position).
 */
export function trackSetAllows(path: string): boolean {
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  if (last === 'name' || last === 'id') return false;
  return ['activities', 'categories', 'promotions', 'best_of', 'tiers'].includes(segments[0] ?? '') || (segments[0] === 'points' && segments[1] === 'round');
}

/** The tracks scored as programs of their own, in the design's order, or null when tracks only choose thresholds (no track has `set`, or `mode: assigned`). */
export function scoringTracks(program: Program): readonly string[] | null {
  const tracks = program.tracks;
  if (tracks === undefined || tracks.mode !== 'best') return null;
  const names = Object.keys(tracks.list);
  return names.some((name) => tracks.list[name]?.set !== undefined) ? names : null;
}

/**
 * The design with track `name`'s `set` applied (in order, as `--set` applies them) and
 * only that track left under `tracks` (its thresholds, no `set`). The semantic rules
 * (semantic/track-set.ts) have checked that the changes apply and give a valid design;
 * a failure here is a bug, thrown.
 */
export function trackData(program: Program, name: string): ProgramData {
  const tracks = program.tracks;
  const track = tracks?.list[name];
  if (tracks === undefined || track === undefined) throw new Error(`no track ${name}`);
  const applied = applySets(program as ProgramData, Object.entries(track.set ?? {}), 'tracks');
  if (applied.diagnostics.length > 0) throw new Error(`track ${name}: ${applied.diagnostics[0]?.message ?? ''}`);
  const { set: _set, ...rest } = structuredClone(track) as Track;
  return { ...applied.data, tracks: { by: tracks.by, mode: 'best', list: { [name]: rest } } };
}

export function trackProgram(program: Program, name: string): Program {
  return deepFreeze(programSchema.parse(trackData(program, name)));
}
