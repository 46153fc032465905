/**
 * Finds a cycle in a dependency graph (indicator code → the indicator codes its formula uses), so a
 * formula that would make an indicator depend on itself is refused. Returns the path from the first
 * node of the cycle back to it, e.g. ['A', 'B', 'A'], or null when there is none. Nodes are visited
 * in the graph's insertion order, so the answer is deterministic.
 */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  for (const start of graph.keys()) {
    if (done.has(start)) continue;
    const cycle = walk(graph, start, done);
    if (cycle) return cycle;
  }
  return null;
}

/** Depth-first walk with an explicit stack, so deep chains of indicators cannot overflow the call stack. */
function walk(graph: ReadonlyMap<string, readonly string[]>, start: string, done: Set<string>): string[] | null {
  const path: string[] = [start];
  const onPath = new Set([start]);
  const next: number[] = [0];
  while (path.length > 0) {
    const depth = path.length - 1;
    const node = path[depth] as string;
    const edges = graph.get(node) ?? [];
    const i = next[depth] ?? 0;
    if (i >= edges.length) {
      done.add(node);
      onPath.delete(node);
      path.pop();
      next.pop();
      continue;
    }
    next[depth] = i + 1;
    const to = edges[i] as string;
    if (onPath.has(to)) return [...path.slice(path.indexOf(to)), to];
    if (done.has(to)) continue;
    path.push(to);
    onPath.add(to);
    next.push(0);
  }
  return null;
}
