import type { SearchKind } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { SearchSource } from './search.service.js';

type Page<T> = Promise<{ items: T[]; total: number }>;

/**
 * The list methods the search composes, as the owning modules' services offer them (structural,
 * so this module imports none of them). Each applies its own policy's scope and refuses (403) a
 * caller without the read permission.
 */
export interface SearchableLists {
  enterprises: {
    list(actor: Actor, q: { q: string; page: number; pageSize: number }): Page<{ id: string; name: string; districtName: string }>;
  };
  projects: {
    list(
      actor: Actor,
      q: { q: string; page: number; pageSize: number },
    ): Page<{ id: string; code: string; title: string; enterpriseName: string }>;
  };
  handles: { list(actor: Actor, q: { q: string; page: number; pageSize: number }): Page<{ handle: string; url: string | null }> };
  vulnerabilities: {
    listVulnerabilities(
      actor: Actor,
      q: { q: string; page: number; pageSize: number },
    ): Page<{ id: string; key: string; title: string; titleZh: string | null; grade: string | null }>;
  };
}

/** One source per kind over the modules' own lists. */
export function searchSources(lists: SearchableLists): Record<SearchKind, SearchSource> {
  const first = (q: string, limit: number) => ({ q, page: 1, pageSize: limit });
  return {
    enterprise: async (actor, q, limit) => {
      const page = await lists.enterprises.list(actor, first(q, limit));
      return {
        total: page.total,
        hits: page.items.map((e) => ({ kind: 'enterprise', id: e.id, title: e.name, subtitle: e.districtName })),
      };
    },
    project: async (actor, q, limit) => {
      const page = await lists.projects.list(actor, first(q, limit));
      return {
        total: page.total,
        hits: page.items.map((p) => ({ kind: 'project', id: p.id, title: p.title, subtitle: `${p.code} · ${p.enterpriseName}` })),
      };
    },
    handle: async (actor, q, limit) => {
      const page = await lists.handles.list(actor, first(q, limit));
      return { total: page.total, hits: page.items.map((h) => ({ kind: 'handle', id: h.handle, title: h.handle, subtitle: h.url })) };
    },
    vulnerability: async (actor, q, limit) => {
      const page = await lists.vulnerabilities.listVulnerabilities(actor, first(q, limit));
      return {
        total: page.total,
        hits: page.items.map((v) => ({ kind: 'vulnerability', id: v.id, title: v.key, subtitle: v.titleZh ?? v.title })),
      };
    },
  };
}
