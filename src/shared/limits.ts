/** Limits shared by server validation and web forms (STYLE G3). */
export const LIMITS = {
  nameLength: 200,
  shortTextLength: 500,
  pageSizeMax: 100,
  pageSizeDefault: 25,
  searchLength: 100,
  /** Lists count matches up to this many, then say "more than": an exact count costs a full scan. */
  listTotalCap: 1000,
  bodyBytes: 1024 * 1024,
  passwordMin: 10,
  /** Retro-planning: two years either side of the goal date covers any real campaign. */
  planningOffsetDaysMax: 730,
  planningMilestonesMax: 100,
  planningDurationDaysMax: 365,
  planningKeyLength: 60,
  /** Approvals a workspace may require before content is scheduled (S5). */
  requiredApprovalsMax: 10,
} as const;

/** Countries of the consortium first; any ISO 3166-1 alpha-2 code is accepted. */
export const CONSORTIUM_COUNTRIES = ['FR', 'MA', 'TN', 'DZ'] as const;
