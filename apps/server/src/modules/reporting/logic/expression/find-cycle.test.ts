import { describe, expect, it } from 'vitest';
import { findCycle } from './find-cycle.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycle', () => {
  it('finds none in a graph without cycles, diamonds and edges to unlisted nodes included', () => {
    expect(findCycle(graph({}))).toBeNull();
    expect(findCycle(graph({ A: ['B', 'C'], B: ['D'], C: ['D'], D: [], E: ['A', 'X'] }))).toBeNull();
  });

  it('finds an indicator that uses itself', () => {
    expect(findCycle(graph({ A: ['A'] }))).toEqual(['A', 'A']);
  });

  it('returns the path from the first node of the cycle back to it', () => {
    expect(findCycle(graph({ A: ['B'], B: ['C'], C: ['A'] }))).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycle(graph({ X: ['A'], A: ['B'], B: ['D', 'A'], D: [] }))).toEqual(['A', 'B', 'A']);
  });

  it('finds a cycle reachable only from a later node', () => {
    expect(findCycle(graph({ A: ['B'], B: [], C: ['D'], D: ['C'] }))).toEqual(['C', 'D', 'C']);
  });

  it('walks a chain of 20,000 indicators without overflowing the call stack', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i++) edges[`N${i}`] = i + 1 < 20_000 ? [`N${i + 1}`] : [];
    expect(findCycle(graph(edges))).toBeNull();
    edges.N19999 = ['N0'];
    expect(findCycle(graph(edges))?.length).toBe(20_001);
  });
});
