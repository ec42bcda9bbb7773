import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describeMachine, type GuideDocument } from '../../machines/participation-project';

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

/**
 * Lays out the states and their transitions, compound states as boxes that hold their
 * children (ELK's hierarchical layout), so nothing is drawn inside a box it does not belong
 * to. `label` and `eventLabel` give each state and step its shown name (for their widths); the
 * machine is the guide's, the default guide's unless one is given.
 */
export async function layoutMachine(label: (stateId: string) => string, eventLabel: (event: string) => string = (event) => event, guide?: GuideDocument): Promise<DiagramLayout> {
  const machine = describeMachine(guide);
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

  const parentOf = (id: string) => (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : 'root');
  const elkNode = (id: string): ElkNode => {
    const state = machine.states.find((s) => s.id === id)!;
    if (state.type !== 'compound') return { id, width: Math.max(120, label(id).length * CHAR_WIDTH + 24), height: NODE_HEIGHT };
    return { id, layoutOptions: { 'elk.padding': '[top=30,left=12,bottom=12,right=12]' }, children: machine.states.filter((s) => parentOf(s.id) === id).map((s) => elkNode(s.id)) };
  };
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '28',
      'elk.edgeLabels.inline': 'false',
    },
    children: machine.states.filter((s) => parentOf(s.id) === 'root').map((s) => elkNode(s.id)),
    edges: drawn.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target], labels: [{ text: e.event, width: eventLabel(e.event).length * 6.5, height: 14 }] })),
  };
  const laid = await new ELK().layout(graph);

  // ELK places children relative to their parent: add the offsets up to the root.
  const nodes: DiagramNode[] = [];
  const groups: DiagramNode[] = [];
  const offsets = new Map<string, { x: number; y: number }>([['root', { x: 0, y: 0 }]]);
  const walk = (node: ElkNode, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const box = { id: child.id, x: dx + child.x!, y: dy + child.y!, width: child.width!, height: child.height! };
      offsets.set(child.id, { x: box.x, y: box.y });
      (child.children?.length ? groups : nodes).push(box);
      walk(child, box.x, box.y);
    }
  };
  walk(laid, 0, 0);
  const edgeOffset = (edge: { container?: string }) => offsets.get(edge.container ?? 'root') ?? { x: 0, y: 0 };
  return {
    width: laid.width!,
    height: laid.height!,
    nodes,
    groups,
    edges: (laid.edges ?? []).map((e, i) => {
      const { x: dx, y: dy } = edgeOffset(e as { container?: string });
      const section = e.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x + dx, y: p.y + dy })) : [];
      const text = e.labels?.[0];
      return { event: drawn[i].event, points, ...(text?.x !== undefined && { label: { x: text.x + dx, y: text.y! + dy } }) };
    }),
  };
}
