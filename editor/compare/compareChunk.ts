/** What `loadCompare` brings in one chunk: the panel, the dialog and the comparison (with the diff). */
export { CompareDialog } from './CompareDialog.tsx';
export { ComparePanel } from './ComparePanel.tsx';
export { comparisonOf } from './comparison.ts';
