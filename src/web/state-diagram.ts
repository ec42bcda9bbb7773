import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describeMachine } from '../../machines/participation-project';

export interface DiagramNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramEdge {
  event: string;
  points: Array<{ x: number; y: number }>;
  label?: { x: number; y: number };
}

/** The machine's graph laid out by ELK (layered, top to bottom): computed once, from the machine itself. */
export interface DiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  /** Compound states (policyCycle, its preparation), as boxes around their children. */
  groups: DiagramNode[];
  edges: DiagramEdge[];
}

const NODE_HEIGHT = 36;
const CHAR_WIDTH = 7.5;

/** Lays out the leaf states and their transitions; `label` gives each state its shown name (for its width). */
export async function layoutMachine(label: (stateId: string) => string): Promise<DiagramLayout> {
  const machine = describeMachine();
  const leaves = machine.states.filter((s) => s.type !== 'compound');
  const leafOf = (id: string): string[] => {
    const state = machine.states.find((s) => s.id === id)!;
    return state.type === 'compound' ? leafOf(`${id}.${state.initial}`) : [id];
  };
  // A transition from a compound state (e.g. STOP from the policy cycle) leaves each of its leaves.
  const sourcesOf = (from: string) => (from === '*' ? leaves.map((l) => l.id) : leaves.filter((l) => l.id === from || l.id.startsWith(`${from}.`)).map((l) => l.id));
  const edges = machine.transitions.flatMap((t) => sourcesOf(t.from).flatMap((source) => leafOf(t.to).map((target) => ({ source, target, event: t.event }))));
  // STOP reaches "stopped" from everywhere: drawn once per top-level state, not once per leaf.
  const drawn = edges.filter((e, i) => e.event !== 'STOP' || edges.findIndex((o) => o.event === 'STOP' && o.source.split('.')[0] === e.source.split('.')[0]) === i);

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '24',
      'elk.edgeLabels.inline': 'false',
    },
    children: leaves.map((s) => ({ id: s.id, width: Math.max(120, label(s.id).length * CHAR_WIDTH + 24), height: NODE_HEIGHT })),
    edges: drawn.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target], labels: [{ text: e.event, width: e.event.length * 6, height: 12 }] })),
  };
  const laid = await new ELK().layout(graph);
  const nodes = (laid.children ?? []).map((n) => ({ id: n.id, x: n.x!, y: n.y!, width: n.width!, height: n.height! }));
  const groups = machine.states
    .filter((s) => s.type === 'compound')
    .map((s) => {
      const inside = nodes.filter((n) => n.id.startsWith(`${s.id}.`));
      const depth = s.id.split('.').length;
      const pad = 14 - depth * 4;
      const x = Math.min(...inside.map((n) => n.x)) - pad;
      const y = Math.min(...inside.map((n) => n.y)) - pad - 12;
      return { id: s.id, x, y, width: Math.max(...inside.map((n) => n.x + n.width)) + pad - x, height: Math.max(...inside.map((n) => n.y + n.height)) + pad - y };
    });
  return {
    width: laid.width!,
    height: laid.height!,
    nodes,
    groups,
    edges: (laid.edges ?? []).map((e, i) => {
      const section = e.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      const text = e.labels?.[0];
      return { event: drawn[i].event, points, ...(text?.x !== undefined && { label: { x: text.x, y: text.y! } }) };
    }),
  };
}
