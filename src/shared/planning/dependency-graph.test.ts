import { describe, expect, it } from 'vitest';
import { DependencyCycleError, findCycle, orderOrThrow, topologicalOrder } from './dependency-graph.js';

const edge = (prerequisite: string, dependant: string) => ({ prerequisite, dependant });

describe('dependency graph', () => {
  it('orders prerequisites first, ties in input order', () => {
    const result = topologicalOrder(
      ['launch', 'translation', 'brief', 'visuals'],
      [edge('brief', 'visuals'), edge('visuals', 'translation'), edge('translation', 'launch'), edge('brief', 'launch')],
    );
    expect(result).toEqual({ ok: true, order: ['brief', 'visuals', 'translation', 'launch'] });
  });

  it('keeps independent items in input order', () => {
    expect(orderOrThrow(['c', 'a', 'b'], [])).toEqual(['c', 'a', 'b']);
    expect(orderOrThrow(['c', 'a', 'b'], [edge('b', 'c')])).toEqual(['a', 'b', 'c']);
  });

  it('finds no cycle in a diamond', () => {
    expect(findCycle(['a', 'b', 'c', 'd'], [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')])).toBeUndefined();
  });

  it('reports the cycle path, closed on its first item', () => {
    const edges = [edge('brief', 'visuals'), edge('visuals', 'translation'), edge('translation', 'review'), edge('review', 'visuals')];
    expect(findCycle(['brief', 'visuals', 'translation', 'review'], edges)).toEqual(['visuals', 'translation', 'review', 'visuals']);
    expect(topologicalOrder(['brief', 'visuals', 'translation', 'review'], edges)).toEqual({
      ok: false,
      cycle: ['visuals', 'translation', 'review', 'visuals'],
    });
  });

  it('reports a self-dependency as a cycle of one', () => {
    expect(findCycle(['a', 'b'], [edge('b', 'b')])).toEqual(['b', 'b']);
  });

  it('throws a DependencyCycleError carrying the path', () => {
    try {
      orderOrThrow(['a', 'b'], [edge('a', 'b'), edge('b', 'a')]);
      expect.unreachable('a cycle must throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DependencyCycleError);
      expect((error as DependencyCycleError).cycle).toEqual(['a', 'b', 'a']);
    }
  });

  it('refuses edges to unknown items', () => {
    expect(() => topologicalOrder(['a'], [edge('a', 'ghost')])).toThrow(RangeError);
  });

  it('walks a long chain without recursion', () => {
    const nodes = Array.from({ length: 20_000 }, (_, index) => `n${index}`);
    const edges = nodes.slice(1).map((node, index) => edge(nodes[index] as string, node));
    expect(findCycle(nodes, edges)).toBeUndefined();
    expect(findCycle(nodes, [...edges, edge('n19999', 'n0')])?.length).toBe(20_001);
  });
});
