/**
 * The values a node's "use default" falls through to (R3): the phone-number
 * override (R2) and then the account (R1), as the canvas works them out for
 * the flow on screen (`editor/canvas/EffectiveContext.tsx` provides them).
 */
import { createContext, useContext } from 'react';

export interface EffectiveDefault<T> {
  value: T;
  /** Where it comes from, for a tooltip: "account", "number +1 555…", or "differs by number". */
  source: string;
  /** True when the numbers running this flow resolve to different values. */
  varies: boolean;
}

export interface EffectiveDefaults {
  channels: EffectiveDefault<'dual' | 'mono'>;
  agentPause: EffectiveDefault<boolean>;
}

/** Without a provider (a view drawn alone) the account defaults of R1 apply. */
export const EffectiveDefaultsContext = createContext<EffectiveDefaults>({
  channels: { value: 'dual', source: 'account', varies: false },
  agentPause: { value: false, source: 'account', varies: false },
});

export function useEffectiveDefaults(): EffectiveDefaults {
  return useContext(EffectiveDefaultsContext);
}
