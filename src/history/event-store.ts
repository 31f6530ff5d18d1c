/**
 * The columnar, in-memory form of an activity history. Read once (or loaded from the
 * cache); every replay and every scenario works on the same store and never copies it.
 *
 * Events are sorted by partner, then by day, then by their row number in the file, so
 * the replay can walk each partner's events as one contiguous range.
 */
export interface DimensionColumn {
  /** Interned values; code 0 is always the empty string (column missing or blank). */
  readonly values: readonly string[];
  /** One code per event, into `values`. */
  readonly codes: Uint32Array;
}

export interface EventStore {
  /** Number of events. */
  readonly size: number;
  /** Interned partner ids; a partner's code is its index here. Sorted ascending. */
  readonly partnerIds: readonly string[];
  /** Event range of each partner: events `partnerStart[p]` to `partnerStart[p + 1] - 1`. Length partners + 1. */
  readonly partnerStart: Uint32Array;
  /** Partner code of each event. */
  readonly partner: Uint32Array;
  /** Day of each event, as days since 1970-01-01 (UTC). */
  readonly day: Int32Array;
  /** Interned activity ids; an event's activity code indexes this. */
  readonly activityIds: readonly string[];
  readonly activity: Uint16Array;
  /** `quantity` column (default 1). */
  readonly quantity: Float64Array;
  /** `amount` column (default 0). */
  readonly amount: Float64Array;
  /** 1-based data row number of each event in the source file (for messages). */
  readonly row: Uint32Array;
  /** Every other column of the file (product, region, customer_id, person_id, stage...). */
  readonly dimensions: Readonly<Record<string, DimensionColumn>>;
  /** First and last event day (inclusive); 0 and -1 when empty. */
  readonly firstDay: number;
  readonly lastDay: number;
  /**
   * Physical line of the file where each event's record starts (differs from `row + 1`
   * after a quoted newline). Set by the CSV reader and the cache; absent in hand-built stores.
   */
  readonly line?: Uint32Array;
  /** 1-based column of each canonical column (partner_id, date, activity, quantity, amount, dimensions) in the file's header. */
  readonly columns?: Readonly<Record<string, number>>;
}

/** A row of the partners file. */
export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly segment: string;
  readonly region: string;
  /** Empty when the file has no `legacy_level` column or the cell is blank. */
  readonly legacyLevel: string;
  /** Every column of the row, including the ones above, by header. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface PartnerTable {
  readonly partners: readonly Partner[];
  readonly byId: ReadonlyMap<string, Partner>;
}
