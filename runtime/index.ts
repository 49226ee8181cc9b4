/**
 * The `recflow` package's public API: the headless runtime an engineer's
 * service imports (`import { parseFlow, checkFlow, startCall, simulate } from
 * 'recflow'`). Documents, checks, the call runtime and scenarios; no React,
 * no DOM. Compiled to `lib/` with type declarations by `npm run build:lib`.
 */
export type { DocError, ParseResult } from './document/errors.ts';
export {
  createFlow,
  FLOW_FORMAT,
  FLOW_VERSION,
  type FlowDoc,
  type FlowEdge,
  type FlowNode,
  MAX_NODES,
  parseFlow,
  serializeFlow,
} from './document/flow.ts';
export {
  type AccountSettings,
  type Agent,
  createWorkspace,
  parseWorkspace,
  type PhoneNumber,
  type PublishedVersion,
  type RingGroup,
  type Role,
  serializeWorkspace,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type WorkspaceDoc,
} from './document/workspace.ts';
export { diffFlows, describeDiff, type FlowDiff } from './document/diff.ts';
export { buildSchemas } from './document/jsonSchema.ts';
export { checkFlow, type FlowCheckContext, hasErrors, type Problem } from './checks/checkFlow.ts';
export { startCall } from './call/session.ts';
export {
  checkExpectation,
  type Expectation,
  formatMismatch,
  type Mismatch,
  parseScenario,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Scenario,
  simulate,
} from './call/scenario.ts';
export type {
  ApplyOutcome,
  AvailableAction,
  CallAction,
  CallResult,
  CallSession,
  CallStart,
  EffectiveSettings,
  FlowStopped,
  Rejection,
  Segment,
} from './call/types.ts';
export { type CoverReport, type CoverScenario, coverFlow } from './call/cover.ts';
