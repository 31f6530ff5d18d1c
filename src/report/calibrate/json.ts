/** `calibrate --format json`: every target with what was achieved and the values found. */
import type { Calibration, TargetOp } from '../../analysis/calibrate.js';
import { jsonText } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import type { CalibrationModel } from './model.js';

/** The document `calibrate --format json` prints; schema/calibrate.schema.json is generated from it. */
export interface CalibrateJson {
  readonly format_version: 1;
  readonly program: string;
  readonly met: boolean;
  readonly replays: number;
  readonly rounds: number;
  readonly targets: readonly {
    readonly metric: string;
    readonly op: TargetOp;
    readonly value: number;
    readonly achieved: number | null;
    readonly met: boolean;
    readonly scale: number | null;
    readonly values: readonly { readonly path: string; readonly from: number; readonly to: number }[];
    readonly neighbour: { readonly value: number; readonly metric: number } | null;
  }[];
}

export function renderCalibrationJson(program: string, calibration: Calibration): string {
  const doc: CalibrateJson = {
    format_version: 1,
    program,
    met: calibration.met,
    replays: calibration.replays,
    rounds: calibration.rounds,
    targets: calibration.pairs.map((r) => ({
      metric: r.target.metric.name,
      op: r.target.op,
      value: r.target.value,
      achieved: r.achieved,
      met: r.met,
      // A multiplier for --scale; null when the value itself was searched.
      scale: r.parameter.scale ? r.found : null,
      values: r.values,
      // For an = target no value hits exactly: the value on the other side of it, and its metric.
      neighbour: r.neighbour ?? null,
    })),
  };
  return `${jsonText(doc)}\n`;
}

export const calibrationJsonFormat: Formatter<CalibrationModel> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (m) => renderCalibrationJson(m.program, m.calibration),
};
