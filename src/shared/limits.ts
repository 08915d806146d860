/** Limits shared by server validation and web forms (STYLE G3). */
export const LIMITS = {
  nameLength: 200,
  shortTextLength: 500,
  pageSizeMax: 100,
  pageSizeDefault: 25,
  searchLength: 100,
  bodyBytes: 1024 * 1024,
  passwordMin: 10,
} as const;

/** Countries of the consortium first; any ISO 3166-1 alpha-2 code is accepted. */
export const CONSORTIUM_COUNTRIES = ['FR', 'MA', 'TN', 'DZ'] as const;
