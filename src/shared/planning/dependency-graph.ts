/**
 * Dependencies between milestones or tasks as a directed graph: an edge goes from a prerequisite to
 * the item that waits for it. Used by template validation (cycles are a user error to explain) and by
 * scheduling (dates are pushed in topological order). Results follow the input order of `nodes`, so
 * the same plan always yields the same order and the same reported cycle.
 */

export interface DependencyEdge {
  /** The item that must be due first. */
  prerequisite: string;
  /** The item that waits for it. */
  dependant: string;
}

export type TopologicalResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

function adjacencyOf(nodes: readonly string[], edges: readonly DependencyEdge[]): Map<string, string[]> {
  const next = new Map<string, string[]>(nodes.map((node) => [node, []]));
  for (const { prerequisite, dependant } of edges) {
    // An edge to an unknown id is a caller bug (a dependency on a deleted task); failing loudly beats
    // scheduling around it.
    if (!next.has(prerequisite) || !next.has(dependant)) {
      throw new RangeError(`Dependency ${prerequisite} → ${dependant} names an unknown item`);
    }
    next.get(prerequisite)?.push(dependant);
  }
  return next;
}

/**
 * A cycle as a closed path `[a, b, …, a]` (each item waits for the one before it), or undefined.
 * Iterative depth-first search, so a long chain cannot overflow the stack.
 */
export function findCycle(nodes: readonly string[], edges: readonly DependencyEdge[]): string[] | undefined {
  const next = adjacencyOf(nodes, edges);
  const state = new Map<string, 'open' | 'closed'>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const cursors: number[] = [0];
    state.set(root, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1] as string;
      const children = next.get(node) ?? [];
      const index = cursors[cursors.length - 1] as number;
      if (index >= children.length) {
        state.set(node, 'closed');
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = index + 1;
      const child = children[index] as string;
      if (state.get(child) === 'open') return [...path.slice(path.indexOf(child)), child];
      if (state.has(child)) continue;
      state.set(child, 'open');
      path.push(child);
      cursors.push(0);
    }
  }
  return undefined;
}

/** Prerequisites before dependants (Kahn's algorithm, ties broken by input order), or the cycle that prevents it. */
export function topologicalOrder(nodes: readonly string[], edges: readonly DependencyEdge[]): TopologicalResult {
  const next = adjacencyOf(nodes, edges);
  const waiting = new Map<string, number>(nodes.map((node) => [node, 0]));
  for (const { dependant } of edges) waiting.set(dependant, (waiting.get(dependant) ?? 0) + 1);
  const position = new Map(nodes.map((node, index) => [node, index]));
  const ready = nodes.filter((node) => waiting.get(node) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    // Keep `ready` sorted by input position: plans have at most a few hundred items, so a linear
    // insertion is cheaper to read than a heap.
    const node = ready.shift() as string;
    order.push(node);
    for (const child of next.get(node) ?? []) {
      const remaining = (waiting.get(child) ?? 0) - 1;
      waiting.set(child, remaining);
      if (remaining === 0) {
        const at = ready.findIndex((other) => (position.get(other) ?? 0) > (position.get(child) ?? 0));
        ready.splice(at === -1 ? ready.length : at, 0, child);
      }
    }
  }
  if (order.length === nodes.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodes, edges) ?? [] };
}

/** Thrown by scheduling when stored dependencies loop; the service turns it into a clear error. */
export class DependencyCycleError extends Error {
  readonly cycle: string[];

  constructor(cycle: string[]) {
    super(`Dependency cycle: ${cycle.join(' → ')}`);
    this.name = 'DependencyCycleError';
    this.cycle = cycle;
  }
}

/** The topological order, or a `DependencyCycleError` naming the loop. */
export function orderOrThrow(nodes: readonly string[], edges: readonly DependencyEdge[]): string[] {
  const result = topologicalOrder(nodes, edges);
  if (!result.ok) throw new DependencyCycleError(result.cycle);
  return result.order;
}
