import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../checks/generateFlow.ts';
import type { DocError } from './errors.ts';
import { createFlow, FLOW_FORMAT, FLOW_VERSION, type FlowDoc, MAX_NODES, parseFlow, serializeFlow } from './flow.ts';

type Json = Record<string, unknown>;

/** A small valid flow as plain JSON, for tests to break one thing at a time. */
function validJson(): Json & { nodes: Json[]; edges: Json[] } {
  return JSON.parse(
    JSON.stringify({
      format: FLOW_FORMAT,
      version: FLOW_VERSION,
      id: 'support',
      name: 'Support',
      nodes: [
        { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'Incoming', numberIds: [] } },
        {
          id: 'notice',
          kind: 'play',
          position: { x: 0, y: 220 },
          data: { label: 'Notice', text: 'This call is recorded.', durationSeconds: 3, recordingNotice: true },
        },
        { id: 'bye', kind: 'hangup', position: { x: 0, y: 440 }, data: { label: 'Bye' } },
      ],
      edges: [
        { id: 'e1', source: 'start', sourcePort: 'next', target: 'notice' },
        { id: 'e2', source: 'notice', sourcePort: 'next', target: 'bye' },
      ],
    }),
  );
}

function errorsOf(input: unknown): DocError[] {
  const result = parseFlow(input);
  if (result.ok) throw new Error('expected the flow to be refused');
  return result.errors;
}

describe('parseFlow accepts', () => {
  it('round-trips a new flow', () => {
    const flow = createFlow('f1', 'First');
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
  });

  it('reads JSON text and already-parsed values alike', () => {
    const text = JSON.stringify(validJson());
    const fromText = parseFlow(text);
    expect(fromText.ok).toBe(true);
    expect(parseFlow(JSON.parse(text))).toEqual(fromText);
  });

  it('reads text that starts with a byte-order mark', () => {
    const text = JSON.stringify(validJson());
    expect(parseFlow(`\uFEFF${text}`)).toEqual(parseFlow(text));
  });

  it('keeps an optional description and endsCall ports', () => {
    const json = validJson();
    json.description = 'Main support number';
    json.edges.pop();
    json.nodes[1]!.endsCall = ['next'];
    const result = parseFlow(json);
    expect(result.ok && result.value.description).toBe('Main support number');
    expect(result.ok && result.value.nodes[1]?.endsCall).toEqual(['next']);
  });

  it('round-trips a generated 5000-node flow (the limit)', () => {
    const flow = generateFlow(MAX_NODES, 3);
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
  });
});

describe('parseFlow refuses, with a JSON path and a plain message', () => {
  it('invalid JSON', () => {
    const errors = errorsOf('{"format": "recflow.flow", ');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('$');
    expect(errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('a value that is not an object', () => {
    expect(errorsOf('[1, 2]')).toEqual([{ path: '$', message: 'must be an object, not a list' }]);
    expect(errorsOf(null)).toEqual([{ path: '$', message: 'must be an object, not null' }]);
  });

  it('a document of another format', () => {
    const json = validJson();
    json.format = 'recflow.workspace';
    expect(errorsOf(json)).toEqual([{ path: '$.format', message: 'must be "recflow.flow"' }]);
  });

  it('an unknown node kind', () => {
    const json = validJson();
    json.nodes[2]!.kind = 'fax';
    expect(errorsOf(json)).toEqual([{ path: '$.nodes[2].kind', message: 'unknown node kind "fax"' }]);
  });

  it('wrong field types in the envelope, a node and its data', () => {
    const json = validJson();
    json.name = 42;
    expect(errorsOf(json)).toEqual([{ path: '$.name', message: 'must be text, not a number' }]);

    const json2 = validJson();
    (json2.nodes[1]!.position as Json).x = '10';
    (json2.nodes[1]!.data as Json).recordingNotice = 'yes';
    (json2.nodes[1]!.data as Json).durationSeconds = 2.5;
    expect(errorsOf(json2)).toEqual([{ path: '$.nodes[1].position.x', message: 'must be a number, not text' }]);
    (json2.nodes[1]!.position as Json).x = 10;
    expect(errorsOf(json2)).toEqual([
      { path: '$.nodes[1].data.durationSeconds', message: 'must be a whole number of seconds' },
      { path: '$.nodes[1].data.recordingNotice', message: 'must be true or false, not text' },
    ]);
  });

  it('missing and unknown fields', () => {
    const json = validJson();
    delete json.id;
    (json.nodes[0]!.data as Json).colour = 'red';
    const errors = errorsOf(json);
    expect(errors).toEqual([{ path: '$.id', message: 'is required' }]);
    json.id = 'back';
    expect(errorsOf(json)).toEqual([{ path: '$.nodes[0].data.colour', message: 'is not a field this document has' }]);
  });

  it('an unknown transfer target type names the allowed ones', () => {
    const json = validJson();
    json.nodes[2] = { id: 'bye', kind: 'transfer', position: { x: 0, y: 0 }, data: { label: 'T', target: { type: 'fax' }, ringTimeoutSeconds: 30 } };
    expect(errorsOf(json)).toEqual([{ path: '$.nodes[2].data.target.type', message: 'must be one of "agent", "ringGroup", "extension", "external"' }]);
  });

  it('duplicate node ids', () => {
    const json = validJson();
    json.nodes[2]!.id = 'notice';
    json.edges.pop();
    json.nodes[1]!.endsCall = ['next'];
    expect(errorsOf(json)).toEqual([{ path: '$.nodes[2].id', message: 'duplicate node id "notice"' }]);
  });

  it('duplicate edge ids', () => {
    const json = validJson();
    json.edges[1]!.id = 'e1';
    expect(errorsOf(json)).toEqual([{ path: '$.edges[1].id', message: 'duplicate edge id "e1"' }]);
  });

  it('edges to and from missing nodes', () => {
    const json = validJson();
    json.edges[1]!.target = 'nowhere';
    json.edges.push({ id: 'e3', source: 'ghost', sourcePort: 'next', target: 'bye' });
    expect(errorsOf(json)).toEqual([
      { path: '$.edges[1].target', message: 'no node "nowhere"' },
      { path: '$.edges[2].source', message: 'no node "ghost"' },
    ]);
  });

  it('edges from a port the node does not have', () => {
    const json = validJson();
    json.edges[1]!.sourcePort = 'timeout';
    expect(errorsOf(json)).toEqual([{ path: '$.edges[1].sourcePort', message: 'node "notice" has no port "timeout"' }]);
  });

  it('endsCall naming a port the node does not have', () => {
    const json = validJson();
    json.nodes[1]!.endsCall = ['noAnswer'];
    expect(errorsOf(json)).toEqual([{ path: '$.nodes[1].endsCall[0]', message: 'a play node has no port "noAnswer"' }]);
  });

  it('edges into Start and from a node into itself', () => {
    const json = validJson();
    json.edges[1]!.target = 'start';
    json.edges.push({ id: 'e3', source: 'bye', sourcePort: 'next', target: 'bye' });
    const errors = errorsOf(json);
    expect(errors).toContainEqual({ path: '$.edges[1].target', message: 'node "start" takes no incoming connections' });
    expect(errors).toContainEqual({ path: '$.edges[2].target', message: 'an edge may not lead from a node back into itself' });
  });

  it('more than one edge leaving one port', () => {
    const json = validJson();
    json.edges.push({ id: 'e3', source: 'start', sourcePort: 'next', target: 'bye' });
    expect(errorsOf(json)).toEqual([{ path: '$.edges[2].sourcePort', message: 'port "next" of node "start" already has an edge' }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a "%s" key anywhere, in text or a parsed value', (key) => {
    const text = JSON.stringify(validJson()).replace('"label":"Bye"', `"label":"Bye","${key}":{"polluted":true}`);
    expect(errorsOf(text)).toEqual([{ path: `$.nodes[2].data.${key}`, message: `the key "${key}" is not allowed` }]);
    expect(errorsOf(JSON.parse(text))).toEqual([{ path: `$.nodes[2].data.${key}`, message: `the key "${key}" is not allowed` }]);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('nesting deep enough to be an attack', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const errors = errorsOf(`{"format":"recflow.flow","version":2,"id":"x","name":"x","nodes":[],"edges":[],"description":${deep}}`);
    expect(errors[0]!.path.startsWith('$.description[0]')).toBe(true);
    expect(errors[0]!.message).toBe('nested deeper than 64 levels');
  });

  it('a document over 5 MB', () => {
    const json = validJson();
    json.description = 'x'.repeat(5 * 1024 * 1024);
    expect(errorsOf(JSON.stringify(json))).toEqual([{ path: '$', message: 'the document is larger than 5 MB' }]);
  });

  it('a document over 5 MB counted in UTF-8 bytes, not characters', () => {
    // 1.8 M three-byte characters are 5.4 MB of UTF-8 but only 1.8 M string units.
    const text = `"${'€'.repeat(1_800_000)}"`;
    expect(errorsOf(text)).toEqual([{ path: '$', message: 'the document is larger than 5 MB' }]);
  });

  it('more than 5000 nodes', () => {
    const json = validJson();
    json.nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({ id: `h${i}`, kind: 'hangup', position: { x: 0, y: 0 }, data: { label: '' } }));
    json.edges = [];
    expect(errorsOf(json)).toEqual([{ path: '$.nodes', message: 'the flow has 5001 nodes; at most 5000 are allowed' }]);
  });

  it('a version newer than this build understands', () => {
    const json = validJson();
    json.version = FLOW_VERSION + 1;
    const errors = errorsOf(json);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('$.version');
    expect(errors[0]!.message).toContain('newer than this Recflow understands');
  });

  it('a version that never existed', () => {
    const json = validJson();
    json.version = 0;
    expect(errorsOf(json)).toEqual([{ path: '$.version', message: 'version 0 is not a flow version Recflow has ever written' }]);
    json.version = '2';
    expect(errorsOf(json)).toEqual([{ path: '$.version', message: 'must be 2' }]);
  });

  it('reports every problem at once, not only the first', () => {
    const json = validJson();
    json.nodes[1]!.kind = 'fax';
    json.nodes[2]!.data = { label: 7 };
    json.edges.push({ id: 'e1', source: 'start', sourcePort: 'next', target: 'bye' });
    expect(errorsOf(json).map((e) => e.path)).toEqual(['$.nodes[1].kind', '$.nodes[2].data.label', '$.edges[2].id', '$.edges[2].sourcePort']);
  });
});

describe('migrations', () => {
  const v1Text = readFileSync(new URL('./fixtures/flow-v1.json', import.meta.url), 'utf8');

  it('lifts a version 1 flow (type, sourceHandle) to version 2 (kind, sourcePort)', () => {
    const result = parseFlow(v1Text);
    expect(result.ok ? [] : result.errors).toEqual([]);
    const flow = (result as { ok: true; value: FlowDoc }).value;
    expect(flow.version).toBe(2);
    expect(flow.nodes.map((n) => n.kind)).toEqual(['start', 'play', 'recording', 'assign', 'hangup']);
    expect(flow.edges[3]).toEqual({ id: 'e4', source: 'ring', sourcePort: 'noAnswer', target: 'bye' });
    expect(JSON.stringify(flow)).not.toMatch(/"type":"(start|play)"|sourceHandle/);
  });

  it('a migrated flow saves as the current version and reads back unchanged', () => {
    const first = parseFlow(v1Text);
    if (!first.ok) throw new Error('fixture must parse');
    const text = serializeFlow(first.value);
    expect(JSON.parse(text).version).toBe(FLOW_VERSION);
    expect(parseFlow(text)).toEqual(first);
  });

  it('a version 1 flow that is broken after migration is refused with version 2 paths', () => {
    const v1 = JSON.parse(v1Text);
    v1.edges[0].sourceHandle = 'nope';
    expect(errorsOf(v1)).toEqual([{ path: '$.edges[0].sourcePort', message: 'node "start" has no port "nope"' }]);
  });
});

describe('parseFlow lists every problem at once', () => {
  it('an unknown top-level field does not hide the problems of nodes and edges', () => {
    const doc = {
      ...createFlow('f', 'F'),
      colour: 'blue',
      nodes: [
        { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'In', numberIds: [] } },
        { id: 'x', kind: 'fax', position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'nowhere' }],
    };
    const result = parseFlow(doc);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['$.colour', '$.nodes[1].kind', '$.edges[0].target']);
  });
});
