/** Kept so imports written before the lookup tables moved to `lookup.ts` still resolve. */
export * from './lookup.ts';
