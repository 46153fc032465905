import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathOf } from '../api/endpoint.js';
import { ALL_ENDPOINTS, API } from './index.js';

/** The catalogue's own rules (ADR 0011): what the server, the web and the matrix test rely on. */
describe('endpoint catalogue', () => {
  it('names each endpoint once', () => {
    const names = ALL_ENDPOINTS.map((e) => e.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    for (const [key, endpoint] of Object.entries(API)) expect(endpoint.name).toBe(key);
  });

  it('declares each method and path once', () => {
    const routes = ALL_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(routes.filter((r, i) => routes.indexOf(r) !== i)).toEqual([]);
  });

  it('has a params schema that matches the path’s parameters', () => {
    for (const e of ALL_ENDPOINTS) {
      const inPath = [...e.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
      if (e.path.endsWith('*')) inPath.push('*');
      const declared = e.params instanceof z.ZodObject ? Object.keys(e.params.shape).sort() : [];
      if (!e.path.endsWith('*')) expect(declared, e.name).toEqual(inPath);
    }
  });

  it('lists every endpoint of API in the groups the generated checks iterate', () => {
    // A group spread into API but left out of ENDPOINT_GROUPS escapes the authorization matrix and the fuzzing.
    const listed = new Set(ALL_ENDPOINTS.map((e) => e.name));
    expect(Object.keys(API).filter((name) => !listed.has(name))).toEqual([]);
  });

  it('keeps bodies, uploads and answers consistent', () => {
    for (const e of ALL_ENDPOINTS) {
      if (e.method === 'GET' || e.method === 'DELETE') expect(e.body, `${e.name} body`).toBeUndefined();
      if (e.upload) expect([e.method, e.body], `${e.name} upload`).toEqual(['POST', undefined]);
      if (e.success === 204 || e.responseKind === 'file' || e.responseKind === 'empty') expect(e.response, e.name).toBeUndefined();
      // Under /api/, except the fixed paths other software calls: the Handle reverse-lookup servlet
      // (/hrls/) and the DCAT catalogue that open-data harvesters fetch (/catalog.jsonld, /catalog.ttl).
      const fixed = e.path.startsWith('/hrls/') || /^\/catalog\.(jsonld|ttl)$/.test(e.path);
      expect(e.path.startsWith('/api/') || fixed, e.name).toBe(true);
    }
  });
});

describe('pathOf', () => {
  it('fills and percent-encodes parameters', () => {
    expect(pathOf({ path: '/api/factories/:id' }, { id: 'a b/c' })).toBe('/api/factories/a%20b%2Fc');
  });

  it('keeps the slashes of a trailing * (a handle is prefix/suffix)', () => {
    expect(pathOf({ path: '/api/identifiers/records/*' }, { '*': '88.118.8/机床 1' })).toBe(
      '/api/identifiers/records/88.118.8/%E6%9C%BA%E5%BA%8A%201',
    );
  });

  it('refuses a missing parameter rather than calling a wrong URL', () => {
    expect(() => pathOf({ path: '/api/factories/:id' }, {})).toThrow(/id is missing/);
  });
});
