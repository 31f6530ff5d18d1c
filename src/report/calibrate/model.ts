/** What the calibrate formats render: the calibration, and the design's name and currency. */
import type { Calibration } from '../../analysis/calibrate.js';

export interface CalibrationModel {
  readonly program: string;
  readonly currency: string;
  readonly calibration: Calibration;
}
