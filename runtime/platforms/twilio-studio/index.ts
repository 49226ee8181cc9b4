/** Twilio Studio's flow definition as a Recflow platform format: detection, import, export. */
import type { PlatformFormat } from '../format.ts';
import { detectStudio } from './document.ts';
import { exportStudioFlow } from './export.ts';
import { FORMAT, importStudioFlow, PLATFORM } from './import.ts';

export const twilioStudio: PlatformFormat = {
  name: FORMAT,
  platform: PLATFORM,
  documentName: 'Twilio Studio flow definition',
  destination: 'as the Definition of a flow in the Studio Flows API (v2), or for Studio’s import from JSON',
  detect: detectStudio,
  importFlow: importStudioFlow,
  exportFlow: exportStudioFlow,
};
