/**
 * How kit components find a node's kind definition (title, ports, icon)
 * without importing the registry, which is an app module: the canvas provides
 * the registry's lookup once; a story harness provides the same.
 */
import { createContext, useContext } from 'react';
import type { AnyKind } from '../../nodes/kit/contract.ts';

export type KindLookup = (kind: string) => AnyKind | undefined;

/** Without a provider no kind is known and a node draws as a bare frame named by its kind. */
export const KindLookupContext = createContext<KindLookup>(() => undefined);

export function useKind(kind: string): AnyKind | undefined {
  return useContext(KindLookupContext)(kind);
}
