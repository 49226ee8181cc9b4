/** Amazon Connect's flow language as a Recflow platform format: detection, import, export. */
import type { PlatformFormat } from '../format.ts';
import { detectConnect } from './document.ts';
import { exportConnectFlow } from './export.ts';
import { FORMAT, importConnectFlow, PLATFORM } from './import.ts';

export const amazonConnect: PlatformFormat = {
  name: FORMAT,
  platform: PLATFORM,
  documentName: 'Amazon Connect flow',
  destination: 'for the Import flow of the Amazon Connect flow designer, or as the Content of the CreateContactFlow API',
  detect: detectConnect,
  importFlow: importConnectFlow,
  exportFlow: exportConnectFlow,
};
