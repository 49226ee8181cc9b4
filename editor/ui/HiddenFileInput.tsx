/**
 * The file input behind an "Import…" button: hidden from sight and from the keyboard (the button is what users
 * reach), it hands over the chosen file and clears itself so choosing the same file again imports it again.
 */
import type { Ref } from 'react';

export const IMPORT_ACCEPT = '.json,.zip,application/json,application/zip';

export function HiddenFileInput({ ref, testId, onFile }: { ref: Ref<HTMLInputElement>; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={ref}
      type="file"
      accept={IMPORT_ACCEPT}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) onFile(file);
        e.target.value = '';
      }}
    />
  );
}
