import { CSRF_HEADER, checkResidentId, SESSION_COOKIE } from '@suilian/contracts';
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { createRoleWorld, type RoleWorld } from '../../../test/role-world.js';
import { createDatasetService } from './dataset.service.js';
import { PREFIXES } from './open-data/dcat.js';

const base = {
  descriptionZh: '测试数据集',
  descriptionEn: 'A test dataset',
  publisher: '广州市工业和信息化局',
  theme: 'ECON',
  keywords: ['测试'],
  frequency: 'monthly',
};

const dcat = (local: string) => `${PREFIXES.dcat}${local}`;
const dct = (local: string) => `${PREFIXES.dct}${local}`;
const RDF_TYPE = `${PREFIXES.rdf}type`;

/** Issue #16 item 3: the dataset catalogue, its distributions and its open-data APIs. */
describe('dataset catalogue (#16 item 3)', () => {
  let ctx: TestContext;
  let world: RoleWorld;
  const ids: Record<string, string> = {};
  const as = (role: keyof RoleWorld['sessions']): Session => world.sessions[role];

  const upload = (s: Session, id: string, name: string, text: string) => {
    const { payload, headers } = multipartFile(name, Buffer.from(text, 'utf8'));
    return ctx.app.inject({
      method: 'POST',
      url: `/api/datasets/${id}/table`,
      payload,
      headers: { ...headers, [CSRF_HEADER]: s.csrf },
      cookies: { [SESSION_COOKIE]: s.cookie },
    });
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await createRoleWorld(ctx, { name: '数据目录', user: 'dc' });
    const create = async (role: 'city_admin' | 'city_analyst', body: Record<string, unknown>) => {
      const res = await as(role).request('POST', '/api/datasets', { ...base, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.public = await create('city_admin', {
      code: 'test-enterprises',
      titleZh: '企业名录',
      titleEn: 'Enterprises',
      licence: 'CC-BY-4.0',
      accessLevel: 'public',
      source: { kind: 'query', query: 'enterprises' },
    });
    ids.registered = await create('city_analyst', {
      code: 'test-networks',
      titleZh: '专网',
      titleEn: 'Networks',
      licence: 'restricted',
      accessLevel: 'registered',
      source: { kind: 'query', query: 'private_networks' },
    });
    ids.internal = await create('city_admin', {
      code: 'test-industry-stats',
      titleZh: '行业统计',
      titleEn: 'Industry statistics',
      licence: 'restricted',
      accessLevel: 'internal',
      frequency: 'annual',
      source: { kind: 'upload', template: 'industry_statistics' },
    });
  });
  afterAll(() => ctx.close());

  it('lists each role the access levels it may see and hides internal datasets as missing', async () => {
    const codesOf = async (role: keyof RoleWorld['sessions']) =>
      ((await as(role).request('GET', '/api/datasets?pageSize=200')).json().items as Array<{ code: string }>).map((d) => d.code).sort();
    const all = ['test-enterprises', 'test-industry-stats', 'test-networks'];
    expect(await codesOf('city_admin')).toEqual(all);
    expect(await codesOf('city_analyst')).toEqual(all);
    expect(await codesOf('district_officer')).toEqual(all);
    expect(await codesOf('auditor')).toEqual(all);
    for (const role of ['enterprise_user', 'provider_user', 'expert', 'security_analyst'] as const)
      expect(await codesOf(role), role).toEqual(['test-enterprises', 'test-networks']);
    expect((await as('enterprise_user').request('GET', `/api/datasets/${ids.internal}`)).statusCode).toBe(404);
    expect((await as('enterprise_user').request('GET', `/api/datasets/${ids.internal}/distributions/csv`)).statusCode).toBe(404);
    expect((await as('enterprise_user').request('GET', `/api/datasets/${ids.registered}`)).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/datasets' })).statusCode).toBe(401);
  });

  it('lets only the catalogue keepers write, and refuses a public dataset without an open licence', async () => {
    const body = {
      ...base,
      code: 'x-refused',
      titleZh: '拒',
      titleEn: 'No',
      licence: 'CC0-1.0',
      accessLevel: 'public',
      source: { kind: 'query', query: 'factories' },
    };
    for (const role of ['district_officer', 'auditor', 'enterprise_user'] as const) {
      const res = await as(role).request('POST', '/api/datasets', body);
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.details.permissions).toEqual(['dataset:manage']);
    }
    const restricted = await as('city_admin').request('POST', '/api/datasets', { ...body, licence: 'restricted' });
    expect(restricted.statusCode).toBe(422);
    expect(restricted.body).toContain('open_licence');
    const taken = await as('city_admin').request('POST', '/api/datasets', { ...body, code: 'test-enterprises' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.reason.code).toBe('dataset.code_taken');
  });

  it('reports every rejected row of an uploaded table with its column and rule, and stores nothing', async () => {
    const csv = [
      '统计期,区划代码,行业代码（GB/T 4754）,行业名称,企业数,工业总产值（万元）,从业人员数',
      '2025,440106,C36,汽车制造业,12,35000.5,900',
      '2025-13,440106,C39,电子,3,100,20',
      '2025,999999,C39,电子,3,100,20',
      '2025,440106,C99,?,3,100,20',
      '2025,440106,C35,专用设备,-1,100,2.5',
      '2025,440106,C36,汽车制造业,12,35000.5,900',
      '2025,440112,,,,1,1',
    ].join('\n');
    const res = await upload(as('city_admin'), ids.internal as string, 'stats.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ rows: 7, valid: 1, stored: false });
    const lines = (result.rejected as Array<{ row: number; column: string; rule: string }>).map((r) => `${r.row} ${r.column} ${r.rule}`);
    expect(lines).toEqual([
      '3 统计期 period',
      '4 区划代码 district',
      '5 行业代码（GB/T 4754） industry_code',
      '6 企业数 range_min',
      '6 从业人员数 integer',
      '7 行业代码（GB/T 4754） duplicate_in_file',
      '8 行业代码（GB/T 4754） required',
      '8 企业数 required',
    ]);
    for (const r of result.rejected) expect(r.reason.code).toMatch(/^import\./);
    const dataset = (await as('city_admin').request('GET', `/api/datasets/${ids.internal}`)).json();
    expect(dataset.distributions.every((d: { rowCount: number }) => d.rowCount === 0)).toBe(true);
    // A table that misses a column is refused as a whole.
    const missing = await upload(as('city_admin'), ids.internal as string, 'stats.csv', '统计期,区划代码\n2025,440106');
    expect(missing.statusCode).toBe(422);
    // Only uploaded datasets take a table; only keepers upload.
    expect((await upload(as('city_admin'), ids.public as string, 'stats.csv', csv)).json().error.details.reason.code).toBe(
      'dataset.not_uploaded',
    );
    expect((await upload(as('district_officer'), ids.internal as string, 'stats.csv', csv)).statusCode).toBe(403);
  });

  it('regenerates the distributions from a new upload, with size, checksum and modified time', async () => {
    const before = (await as('city_admin').request('GET', `/api/datasets/${ids.internal}`)).json();
    const csv = [
      'period,district_code,industry_code,industry_name,enterprises,output_value,employees',
      '2025,440106,C36,汽车制造业,12,35000.5,900',
      '2025,440112,c39,电子,30,1200,400',
    ].join('\n');
    const res = await upload(as('city_analyst'), ids.internal as string, 'stats.csv', csv);
    expect(res.json()).toMatchObject({ rows: 2, valid: 2, stored: true, rejected: [] });
    const after = (await as('city_admin').request('GET', `/api/datasets/${ids.internal}`)).json();
    const csvBefore = before.distributions.find((d: { format: string }) => d.format === 'csv');
    const csvAfter = after.distributions.find((d: { format: string }) => d.format === 'csv');
    expect(csvAfter.rowCount).toBe(2);
    expect(csvAfter.checksum).not.toBe(csvBefore.checksum);
    const file = await as('district_officer').request('GET', `/api/datasets/${ids.internal}/distributions/csv`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.length).toBe(csvAfter.byteSize);
    expect(file.body).toContain('C39');
    const xlsx = await as('district_officer').request('GET', `/api/datasets/${ids.internal}/distributions/xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // Exploration: grouped by district with the sum of the output value.
    const explored = await as('auditor').request('GET', `/api/datasets/${ids.internal}/rows?groupBy=district_code&measure=output_value`);
    expect(explored.json().groups).toEqual([
      { key: '440106', count: 1, sum: 35000.5 },
      { key: '440112', count: 1, sum: 1200 },
    ]);
    const filtered = await as('auditor').request('GET', `/api/datasets/${ids.internal}/rows?column=industry_code&value=C39`);
    expect(filtered.json()).toMatchObject({ total: 1, rows: [{ district_code: '440112', enterprises: 30 }] });
    expect((await as('auditor').request('GET', `/api/datasets/${ids.internal}/rows?groupBy=nope`)).statusCode).toBe(422);
  });

  it('regenerates a query dataset when its data changed, and keeps it when not', async () => {
    const service = createDatasetService({
      db: ctx.database.db,
      clock: ctx.clock,
      audit: { append: async () => undefined as never },
      indicators: { overview: async () => Promise.reject(new Error('not used')) },
      cityActor: async () => Promise.reject(new Error('not used')),
    });
    const csvOf = async () =>
      (await as('city_admin').request('GET', `/api/datasets/${ids.public}`))
        .json()
        .distributions.find((d: { format: string }) => d.format === 'csv');
    const first = await csvOf();
    await service.refreshAll();
    expect(await csvOf()).toEqual(first);
    const district = await orgByDivision(ctx, '440106');
    await ctx.database.pool.query(
      "INSERT INTO organisation (kind, parent_id, district_id, name, created_at, updated_at) VALUES ('enterprise', $1, $1, '新登记的企业', now(), now())",
      [district.id],
    );
    expect(await service.refreshAll()).toBeGreaterThanOrEqual(1);
    const second = await csvOf();
    expect(second.rowCount).toBe(first.rowCount + 1);
    expect(second.checksum).not.toBe(first.checksum);
    expect(Date.parse(second.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(first.modifiedAt));
    // On demand, only keepers.
    expect((await as('enterprise_user').request('POST', `/api/datasets/${ids.public}/distributions/regenerate`)).statusCode).toBe(403);
    expect((await as('city_analyst').request('POST', `/api/datasets/${ids.public}/distributions/regenerate`)).statusCode).toBe(200);
  });

  it('answers the CKAN Action API anonymously with public datasets only, in CKAN’s envelope', async () => {
    const list = await ctx.app.inject({ method: 'GET', url: '/api/3/action/package_list' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ success: true, result: ['test-enterprises'] });
    expect(typeof list.json().help).toBe('string');
    const show = (await ctx.app.inject({ method: 'GET', url: '/api/3/action/package_show?id=test-enterprises' })).json();
    expect(show.success).toBe(true);
    expect(show.result).toMatchObject({
      name: 'test-enterprises',
      title: '企业名录',
      license_id: 'CC-BY-4.0',
      isopen: true,
      private: false,
      num_resources: 3,
    });
    expect(show.result.resources.map((r: { format: string }) => r.format).sort()).toEqual(['CSV', 'JSON', 'XLSX']);
    const csv = show.result.resources.find((r: { format: string }) => r.format === 'CSV');
    // A plain HTTP client harvests the resource by its URL, anonymously.
    const download = await ctx.app.inject({ method: 'GET', url: new URL(csv.url).pathname });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.length).toBe(csv.size);
    const byId = (await ctx.app.inject({ method: 'GET', url: `/api/3/action/package_show?id=${ids.public}` })).json();
    expect(byId.result.name).toBe('test-enterprises');
    for (const hidden of ['test-networks', 'test-industry-stats', 'nothing']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/3/action/package_show?id=${hidden}` });
      expect(res.statusCode, hidden).toBe(404);
      expect(res.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    }
    const hiddenFile = await ctx.app.inject({ method: 'GET', url: '/api/public/datasets/test-networks/distributions/csv' });
    expect(hiddenFile.statusCode).toBe(404);
    const search = (await ctx.app.inject({ method: 'GET', url: '/api/3/action/package_search?q=企业&rows=5&start=0' })).json();
    expect(search).toMatchObject({ success: true, result: { count: 1 } });
    expect(search.result.results[0].name).toBe('test-enterprises');
    const none = (await ctx.app.inject({ method: 'GET', url: '/api/3/action/package_search?q=专网' })).json();
    expect(none.result).toMatchObject({ count: 0, results: [] });
    const page = (await ctx.app.inject({ method: 'GET', url: '/api/3/action/package_search?rows=0' })).json();
    expect(page.result).toMatchObject({ count: 1, results: [] });
  });

  it('publishes a DCAT-AP catalogue that parses as Turtle and as JSON-LD to the same triples', async () => {
    const ttl = await ctx.app.inject({ method: 'GET', url: '/catalog.ttl' });
    expect(ttl.statusCode).toBe(200);
    expect(ttl.headers['content-type']).toContain('text/turtle');
    const fromTurtle = new Parser({ format: 'text/turtle' }).parse(ttl.body);
    const ld = await ctx.app.inject({ method: 'GET', url: '/catalog.jsonld' });
    expect(ld.headers['content-type']).toContain('application/ld+json');
    const nquads = (await jsonld.toRDF(ld.json(), { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(nquads);
    for (const quads of [fromTurtle, fromJsonLd]) assertCatalogue(quads);
    expect(fromJsonLd.length).toBe(fromTurtle.length);
  });

  function assertCatalogue(quads: Quad[]) {
    const objects = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
    const ofType = (type: string) =>
      quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
    expect(ofType(dcat('Catalog'))).toHaveLength(1);
    const datasets = ofType(dcat('Dataset'));
    expect(datasets).toHaveLength(1);
    const ds = datasets[0] as string;
    expect(objects(ds, dct('identifier')).map((o) => o.value)).toEqual(['test-enterprises']);
    expect(
      objects(ds, dct('title'))
        .map((o) => o.value)
        .sort(),
    ).toEqual(['Enterprises', '企业名录']);
    expect(objects(ds, dct('publisher'))).toHaveLength(1);
    expect(objects(ds, dcat('contactPoint'))).toHaveLength(1);
    const distributions = objects(ds, dcat('distribution')).map((o) => o.value);
    expect(distributions).toHaveLength(3);
    for (const d of distributions) {
      expect(objects(d, RDF_TYPE).map((o) => o.value)).toEqual([dcat('Distribution')]);
      expect(objects(d, dct('license')).map((o) => o.value)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
      expect(objects(d, dcat('downloadURL'))[0]?.value).toMatch(
        /\/api\/public\/datasets\/test-enterprises\/distributions\/(csv|json|xlsx)$/,
      );
      expect(objects(d, dcat('mediaType'))[0]?.value).toMatch(/^http:\/\/www\.iana\.org\/assignments\/media-types\//);
    }
    const text = quads.map((q) => `${q.subject.value} ${q.object.value}`).join('\n');
    expect(text).not.toContain('test-networks');
    expect(text).not.toContain('test-industry-stats');
  }

  it('never puts personal data in a public distribution (#16 item 5)', async () => {
    const names = (await ctx.app.inject({ method: 'GET', url: '/api/3/action/package_list' })).json().result as string[];
    for (const name of names)
      for (const format of ['csv', 'json']) {
        const body = (await ctx.app.inject({ method: 'GET', url: `/api/public/datasets/${name}/distributions/${format}` })).body;
        // Credit codes are 18 characters too: an identity number is one whose region, birth date and check character hold.
        const ids = (body.match(/\b\d{17}[\dXx]\b/g) ?? []).filter((token) => checkResidentId(token.toUpperCase()) === null);
        expect(ids, `${name}.${format}`).toEqual([]);
        expect(body, `${name}.${format}`).not.toMatch(/\b1[3-9]\d{9}\b/);
        expect(body, `${name}.${format}`).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      }
  });
});
