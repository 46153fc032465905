import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serveEndpoint, serveRawEndpoint } from './endpoint-route.js';
import { registerErrorHandling } from './error-handler.js';
import { findBadInput, MAX_INPUT_DEPTH, registerInputGuard, textProblem } from './input-guard.js';

describe('the edge check on text', () => {
  it('refuses NUL and unpaired surrogates, accepts every well-formed text', () => {
    expect(textProblem('a\u0000b')).toBe('nul_character');
    expect(textProblem('\ud800')).toBe('unpaired_surrogate');
    expect(textProblem('x\udc00')).toBe('unpaired_surrogate');
    expect(textProblem('\udfff\ud800')).toBe('unpaired_surrogate');
    for (const fine of ['', '穗联 😀', '\u0001\t\r\n', '\ud83d\ude00', '\uFFFD']) expect(textProblem(fine), fine).toBeNull();
  });

  it('names the first bad field of a nested value by its path, keys included', () => {
    expect(findBadInput({ a: 'ok', b: [{ c: 'x' }, { d: 'bad\u0000' }] }, 'body')).toMatchObject({
      field: 'body.b.1.d',
      rule: 'nul_character',
    });
    expect(findBadInput({ 'k\ud800': 1 }, 'querystring')).toMatchObject({ field: 'querystring.k\ud800', rule: 'unpaired_surrogate' });
    expect(findBadInput('\u0000', 'body')).toMatchObject({ field: 'body', rule: 'nul_character' });
    expect(findBadInput({ a: [1, true, null, { b: '穗' }] }, 'body')).toBeNull();
    expect(findBadInput(undefined, 'body')).toBeNull();
  });

  it('refuses nesting deeper than the limit without exhausting the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadInput(deep, 'body')).toMatchObject({ rule: 'max_depth' });
    let fine: unknown = 'x';
    for (let i = 1; i < MAX_INPUT_DEPTH; i++) fine = { a: fine };
    expect(findBadInput(fine, 'body')).toBeNull();
  });
});

describe('registerInputGuard', () => {
  it('checks catalogue routes and leaves raw protocol routes (the Handle.Net hot path) untouched', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    registerInputGuard(app);
    const common = { method: 'GET', access: 'public', tags: ['t'], success: 200 } as const;
    serveEndpoint(
      app,
      { ...common, name: 'json', path: '/api/json', query: z.object({ q: z.string() }), response: z.object({ q: z.string() }) },
      async (q) => ({ q: q.query.q }),
    );
    serveRawEndpoint(app, { ...common, name: 'raw', path: '/api/raw', responseKind: 'raw' }, (_q, reply) => reply.send('raw'));
    app.get('/outside', async () => 'outside');
    const checked = await app.inject({ method: 'GET', url: '/api/json?q=%00' });
    expect(checked.statusCode).toBe(400);
    expect(checked.json().error.details.issues[0]).toMatchObject({ field: 'querystring.q', rule: 'nul_character' });
    expect((await app.inject({ method: 'GET', url: '/api/json?q=ok' })).json()).toEqual({ q: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/api/raw?q=%00' })).body).toBe('raw');
    expect((await app.inject({ method: 'GET', url: '/outside?q=%00' })).body).toBe('outside');
    await app.close();
  });
});
