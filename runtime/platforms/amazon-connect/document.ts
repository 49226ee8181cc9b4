/**
 * The Amazon Connect flow language document: what one is, how to tell it from
 * its look-alikes, and the checks Connect itself makes before the kinds read
 * its actions. Sources: APIReference flow-language.html, flow-language-actions.html
 * (identifiers: at most 50 characters, not `% : ( \ / ) = $ , ; [ ] { }`),
 * flow-language-example.html (Metadata "may be filled in with data as desired"),
 * CreateContactFlow (250 actions, 256,000 characters).
 */
import type { ConnectAction, ConnectCondition, ConnectError } from '../../../nodes/kit/connect.ts';
import type { JsonObject } from '../../../nodes/kit/formats.ts';
import { type DocError, scanHostile, toJsonPath } from '../../document/errors.ts';
import type { Detection, ReportProblem } from '../format.ts';

export const CONNECT_VERSION = '2019-10-30';
/** Connect's own limits (CreateContactFlow): more is refused there, so Recflow warns and reads on. */
export const MAX_ACTIONS = 250;
export const MAX_CONTENT_CHARS = 256_000;
export const MAX_IDENTIFIER = 50;
/** Characters Connect refuses in an action's Identifier. */
export const IDENTIFIER_REFUSED = /[%:()\\/=$,;[\]{}]/;

export interface ConnectDocument {
  Version: string;
  StartAction: string;
  Metadata?: JsonObject;
  Actions: ConnectAction[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether a parsed value is a Connect flow, one of its wrappers, or something else. A DescribeContactFlow
 * response holds the flow as an escaped string in `ContactFlow.Content`: it is read from there. The console's
 * older export (`modules[]`) is refused by name.
 */
export function detectConnect(value: unknown): Detection {
  if (!isObject(value)) return { match: 'no' };
  if (Array.isArray(value.Actions) || (typeof value.StartAction === 'string' && 'Version' in value)) return { match: 'yes' };
  const wrapped = isObject(value.ContactFlow) ? value.ContactFlow : isObject(value.ContactFlowModule) ? value.ContactFlowModule : undefined;
  if (wrapped && 'Content' in wrapped) {
    const field = isObject(value.ContactFlow) ? 'ContactFlow' : 'ContactFlowModule';
    const what = `a DescribeContactFlow${field === 'ContactFlowModule' ? 'Module' : ''} response: the flow is the escaped JSON string in $.${field}.Content`;
    if (typeof wrapped.Content !== 'string') {
      return { match: 'wrapped', what, errors: [{ path: `$.${field}.Content`, message: 'should hold the flow as a JSON string' }] };
    }
    try {
      return { match: 'wrapped', what, unwrapped: JSON.parse(wrapped.Content) };
    } catch (e) {
      return { match: 'wrapped', what, errors: [{ path: `$.${field}.Content`, message: `is not valid JSON: ${(e as Error).message}` }] };
    }
  }
  if (Array.isArray(value.modules)) {
    return {
      match: 'wrapped',
      what: "an older Amazon Connect console export (a modules[] list, before the flow language): Recflow reads the flow language only. Open the flow in the current console and use Save > Export flow, or run `aws connect describe-contact-flow` and use its ContactFlow.Content",
      errors: [{ path: '$.modules', message: 'an older Amazon Connect console export (modules[]), not the flow language: export the flow again from the current console (Save > Export flow), or use ContactFlow.Content of `aws connect describe-contact-flow`' }],
    };
  }
  return { match: 'no' };
}

/**
 * Checks the document the way Connect would before anything is imported: its shape, unique identifiers, and
 * every StartAction / NextAction naming an action. Refusals are errors with the JSON path; Connect's size limits
 * are warnings (the flow is still imported, so it can be fixed in Recflow).
 */
export function checkConnectDocument(value: unknown, textLength: number): { ok: true; doc: ConnectDocument; warnings: ReportProblem[] } | { ok: false; errors: DocError[] } {
  const hostile = scanHostile(value);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  if (!isObject(value)) return { ok: false, errors: [{ path: '$', message: 'not an Amazon Connect flow: expected an object with Version, StartAction and Actions' }] };
  const errors: DocError[] = [];
  const warnings: ReportProblem[] = [];
  if (value.Version !== CONNECT_VERSION) {
    errors.push({ path: '$.Version', message: `should be "${CONNECT_VERSION}" (the only flow language version), found ${JSON.stringify(value.Version) ?? 'nothing'}` });
  }
  if (typeof value.StartAction !== 'string') errors.push({ path: '$.StartAction', message: 'should name the action the flow starts at' });
  if (value.Metadata !== undefined && !isObject(value.Metadata)) errors.push({ path: '$.Metadata', message: 'should be an object' });
  if (!Array.isArray(value.Actions)) {
    errors.push({ path: '$.Actions', message: 'should be the list of the flow’s actions' });
    return { ok: false, errors };
  }
  const actions: ConnectAction[] = [];
  const firstAt = new Map<string, number>();
  value.Actions.forEach((raw, i) => {
    const at = (...rest: Array<string | number>) => toJsonPath(['Actions', i, ...rest]);
    if (!isObject(raw)) {
      errors.push({ path: at(), message: 'should be an action object (Identifier, Type, Parameters, Transitions)' });
      return;
    }
    if (typeof raw.Identifier !== 'string' || raw.Identifier === '') {
      errors.push({ path: at('Identifier'), message: 'should be a non-empty string' });
      return;
    }
    const id = raw.Identifier;
    if (firstAt.has(id)) errors.push({ path: at('Identifier'), message: `duplicate identifier "${id}" (first at $.Actions[${firstAt.get(id)}])` });
    else firstAt.set(id, i);
    if (id.length > MAX_IDENTIFIER) warnings.push({ severity: 'warning', path: at('Identifier'), message: `longer than Connect's ${MAX_IDENTIFIER} characters` });
    if (IDENTIFIER_REFUSED.test(id)) warnings.push({ severity: 'warning', path: at('Identifier'), message: 'holds a character Connect refuses in identifiers (% : ( \\ / ) = $ , ; [ ] { })' });
    if (typeof raw.Type !== 'string' || raw.Type === '') errors.push({ path: at('Type'), message: 'should name the action type' });
    if (raw.Parameters !== undefined && !isObject(raw.Parameters)) errors.push({ path: at('Parameters'), message: 'should be an object' });
    if (raw.Transitions !== undefined && !isObject(raw.Transitions)) errors.push({ path: at('Transitions'), message: 'should be an object' });
    const t = isObject(raw.Transitions) ? raw.Transitions : {};
    if (t.NextAction !== undefined && typeof t.NextAction !== 'string') errors.push({ path: at('Transitions', 'NextAction'), message: 'should name an action' });
    for (const list of ['Conditions', 'Errors'] as const) {
      const items = t[list];
      if (items === undefined) continue;
      if (!Array.isArray(items)) {
        errors.push({ path: at('Transitions', list), message: 'should be a list' });
        continue;
      }
      items.forEach((item, k) => {
        if (!isObject(item) || typeof item.NextAction !== 'string') errors.push({ path: at('Transitions', list, k, 'NextAction'), message: 'should name an action' });
        else if (list === 'Errors' && typeof item.ErrorType !== 'string') errors.push({ path: at('Transitions', list, k, 'ErrorType'), message: 'should name the error' });
        else if (list === 'Conditions' && (!isObject(item.Condition) || typeof item.Condition.Operator !== 'string' || !Array.isArray(item.Condition.Operands))) {
          errors.push({ path: at('Transitions', list, k, 'Condition'), message: 'should be { Operator, Operands[] }' });
        }
      });
    }
    actions.push({
      ...(raw as object),
      Identifier: id,
      Type: String(raw.Type),
      Parameters: (isObject(raw.Parameters) ? raw.Parameters : {}) as JsonObject,
      Transitions: t as ConnectAction['Transitions'],
    } as ConnectAction);
  });
  if (errors.length === 0) {
    if (!firstAt.has(value.StartAction as string)) errors.push({ path: '$.StartAction', message: `names no action: there is no action "${value.StartAction}"` });
    actions.forEach((a, i) => {
      const check = (target: string, ...where: Array<string | number>) => {
        if (!firstAt.has(target)) errors.push({ path: toJsonPath(['Actions', i, 'Transitions', ...where, 'NextAction']), message: `names no action: there is no action "${target}"` });
      };
      if (a.Transitions.NextAction !== undefined) check(a.Transitions.NextAction);
      (a.Transitions.Conditions ?? []).forEach((c: ConnectCondition, k) => {
        check(c.NextAction, 'Conditions', k);
      });
      (a.Transitions.Errors ?? []).forEach((e: ConnectError, k) => {
        check(e.NextAction, 'Errors', k);
      });
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (actions.length > MAX_ACTIONS) {
    warnings.push({ severity: 'warning', path: '$.Actions', message: `${actions.length} actions: Connect accepts at most ${MAX_ACTIONS} in one flow (imported anyway; split it before publishing)` });
  }
  if (textLength > MAX_CONTENT_CHARS) {
    warnings.push({ severity: 'warning', path: '$', message: `${textLength} characters: Connect accepts at most ${MAX_CONTENT_CHARS} (imported anyway)` });
  }
  const doc: ConnectDocument = { Version: CONNECT_VERSION, StartAction: value.StartAction as string, Actions: actions };
  if (isObject(value.Metadata)) doc.Metadata = value.Metadata as JsonObject;
  return { ok: true, doc, warnings };
}

/** The Metadata entry of an action (`Metadata.ActionMetadata[id]`), when there is one. */
export function actionMetadata(doc: ConnectDocument, id: string): JsonObject | undefined {
  const all = doc.Metadata?.ActionMetadata;
  const entry = isObject(all) && Object.hasOwn(all, id) ? (all as JsonObject)[id] : undefined;
  return isObject(entry) ? (entry as JsonObject) : undefined;
}

/** A position from Connect metadata: `position` as the console writes it, or `Position` as the docs' example does. */
export function positionOf(entry: JsonObject | undefined): { x: number; y: number } | undefined {
  const p = entry?.position ?? entry?.Position;
  if (!isObject(p) || typeof p.x !== 'number' || typeof p.y !== 'number' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return undefined;
  return { x: p.x, y: p.y };
}

/** The key Recflow keeps its simulation-only values under in an action's metadata (a prompt's length, a label). */
export const HINTS_KEY = 'recflow';
