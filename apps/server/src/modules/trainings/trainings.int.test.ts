import { residentIdCheckChar } from '@suilian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';
import { createRoleWorld, type RoleWorld } from '../../../test/role-world.js';

// A made-up identity number (Tianhe region code, born 1990-03-15).
const ID = `44010619900315123${residentIdCheckChar('44010619900315123')}`;
const ID2 = `44011219850720456${residentIdCheckChar('44011219850720456')}`;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

// Issue #15 item 6: trainings and events that count people (T-PUB-2…4), public sign-up by e-mailed code.
describe('trainings and events', () => {
  let ctx: TestContext;
  let world: RoleWorld;
  let huangpu: Session;
  let otherProvider: Session;
  const as = (role: keyof RoleWorld['sessions']) => world.sessions[role];
  let ip = 0;
  // Each public request from its own client address, so the per-address limit is tested only where meant.
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown, remoteAddress = `10.0.0.${++ip}`) =>
    ctx.app.inject({ method, url, remoteAddress, ...(payload ? { payload: payload as object } : {}) });

  /** The code the last mail to `to` carries. */
  async function mailedCode(to: string): Promise<string> {
    const { rows } = await ctx.database.pool.query(
      'SELECT text_body FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
      [to],
    );
    return /验证码：(\d{6})/.exec(rows[0]?.text_body ?? '')?.[1] ?? '';
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await createRoleWorld(ctx, { name: '培训', user: 'tr' });
    const hp = await orgByDivision(ctx, '440112');
    await insertUser(ctx, 'tr.huangpu', 'district_officer', hp.id);
    huangpu = await login(ctx, 'tr.huangpu');
    const tianhe = await orgByDivision(ctx, '440106');
    const other = await insertEnterprise(ctx, tianhe.id, '另一培训服务商', '91440101MA5CKRXX4H', 'provider');
    await insertUser(ctx, 'tr.provider2', 'provider_user', other.id);
    otherProvider = await login(ctx, 'tr.provider2');
  });
  afterAll(() => ctx.close());

  const newCourse = (s: Session, body: Record<string, unknown> = {}) =>
    s.request('POST', '/api/training-courses', { title: '5G专网运维工程师', hours: 32, ...body });
  const newActivity = (s: Session, body: Record<string, unknown>) =>
    s.request('POST', '/api/training-activities', { startsOn: today(), endsOn: today(), venue: '天河软件园', capacity: 30, ...body });

  it('lets providers organise their own courses, districts theirs, and keeps others out (policy)', async () => {
    const course = await newCourse(as('provider_user'));
    expect(course.statusCode).toBe(201);
    expect(course.json()).toMatchObject({ organiserName: '培训服务商', cohorts: 0 });
    const id = course.json().id;
    // Another provider does not see or use it; the district it counts in does; another district does not.
    expect((await otherProvider.request('GET', '/api/training-courses')).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await newActivity(otherProvider, { kind: 'cohort', courseId: id, title: '第1期' })).statusCode).toBe(404);
    expect((await as('district_officer').request('GET', '/api/training-courses')).json().items.map((c: { id: string }) => c.id)).toContain(
      id,
    );
    expect((await huangpu.request('GET', '/api/training-courses')).json().total).toBe(0);
    // Enterprises neither read nor organise; analysts and auditors read only.
    expect((await as('enterprise_user').request('GET', '/api/training-courses')).statusCode).toBe(403);
    expect((await as('auditor').request('GET', '/api/training-courses')).statusCode).toBe(200);
    expect((await newCourse(as('city_analyst'))).statusCode).toBe(403);
    // City staff name the district; it must be one.
    const noDistrict = await newCourse(as('city_admin'));
    expect(noDistrict.statusCode).toBe(422);
    expect(noDistrict.json().error.details.issues[0]).toMatchObject({ field: 'districtId', rule: 'required' });
  });

  it('signs people up from the portal with an e-mailed code, counting seats and refusing duplicates and wrong codes', async () => {
    const event = await newActivity(as('district_officer'), {
      kind: 'event',
      eventKind: 'exchange_meeting',
      title: '5G+工业互联网供需对接会',
      capacity: 2,
      published: true,
    });
    expect(event.statusCode).toBe(201);
    const id = event.json().id;
    const listed = (await anonymous('GET', '/api/public/events')).json();
    expect(listed.items.find((e: { id: string }) => e.id === id)).toMatchObject({ seatsLeft: 2, organiserName: '天河区' });

    const person = { name: '张三', mobile: '13800138000', idNumber: ID, email: 'zhangsan@example.cn' };
    const started = await anonymous('POST', `/api/public/events/${id}/sign-ups`, person);
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ channel: 'email', sentTo: 'z***@example.cn' });
    const signUpId = started.json().signUpId;
    const wrong = await anonymous('POST', `/api/public/sign-ups/${signUpId}/confirmation`, {
      code: '000000' === (await mailedCode(person.email)) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.reason).toEqual({ code: 'training.code_wrong', params: { attemptsLeft: 4 } });
    const ok = await anonymous('POST', `/api/public/sign-ups/${signUpId}/confirmation`, { code: await mailedCode(person.email) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ state: 'enrolled', activityTitle: '5G+工业互联网供需对接会' });

    // The same person again (by identity number, another mobile): already enrolled.
    const again = await anonymous('POST', `/api/public/events/${id}/sign-ups`, { ...person, mobile: '13900139000' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason.code).toBe('training.already_enrolled');

    // The organiser fills the last seat; the next sign-up finds it full.
    expect(
      (await as('district_officer').request('POST', `/api/training-activities/${id}/enrolments`, { name: '李四', mobile: '13700137000' }))
        .statusCode,
    ).toBe(201);
    const full = await anonymous('POST', `/api/public/events/${id}/sign-ups`, {
      name: '王五',
      mobile: '13600136000',
      email: 'w5@example.cn',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details.reason).toEqual({ code: 'training.capacity_full', params: { max: 2 } });

    // Unpublished activities do not exist for the public; bad input names the field.
    const draft = await newActivity(as('district_officer'), { kind: 'event', eventKind: 'forum', title: '内部论坛' });
    expect((await anonymous('POST', `/api/public/events/${draft.json().id}/sign-ups`, person)).statusCode).toBe(404);
    const badMobile = await anonymous('POST', `/api/public/events/${id}/sign-ups`, { ...person, mobile: '12345' });
    expect(badMobile.statusCode).toBe(422);
    expect(badMobile.json().error.details.issues[0].field).toBe('body.mobile');

    // The roster shows masks, never the numbers; the public list shows no people.
    const roster = (await as('district_officer').request('GET', `/api/training-activities/${id}/enrolments`)).json();
    expect(roster.items[0]).toMatchObject({
      name: '张三',
      mobileMasked: '138****8000',
      idNumberMasked: '4401*************' + ID.slice(17),
    });
    expect(JSON.stringify(roster)).not.toContain(ID);
    expect(JSON.stringify((await anonymous('GET', '/api/public/events')).json())).not.toContain('张三');
  });

  it('limits sign-up forms per client address', async () => {
    const event = await newActivity(as('district_officer'), { kind: 'event', eventKind: 'forum', title: '限流论坛', published: true });
    const codes: number[] = [];
    for (let n = 0; n < 11; n++)
      codes.push(
        (
          await anonymous(
            'POST',
            `/api/public/events/${event.json().id}/sign-ups`,
            { name: `路人${n}`, mobile: `1350013${String(n).padStart(4, '0')}`, email: `p${n}@example.cn` },
            '10.9.9.9',
          )
        ).statusCode,
      );
    expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('checks in, completes a cohort, mints a certificate that resolves, and counts T-PUB-2…4 with drill-down', async () => {
    const before = async (code: string) => (await as('city_admin').request('GET', `/api/indicators/${code}`)).json().value as number;
    const [pub2, pub3, pub4] = [await before('T-PUB-2'), await before('T-PUB-3'), await before('T-PUB-4')];
    const course = (await newCourse(as('district_officer'), { title: '工业互联网标识解析实务' })).json();
    const cohort = (await newActivity(as('district_officer'), { kind: 'cohort', courseId: course.id, title: '2026年第1期' })).json();
    const event = (await newActivity(as('district_officer'), { kind: 'event', eventKind: 'workshop', title: '标识应用沙龙' })).json();
    const enrol = (activity: string, who: Record<string, string>) =>
      as('district_officer').request('POST', `/api/training-activities/${activity}/enrolments`, who);
    const a = (await enrol(cohort.id, { name: '陈一', mobile: '13800000001', idNumber: ID2 })).json();
    const b = (await enrol(cohort.id, { name: '陈二', mobile: '13800000002' })).json();
    await enrol(event.id, { name: '陈一', mobile: '13800000001' });

    // Check-in by identity number; someone not on the roster is refused.
    const checkIn = (activity: string, body: Record<string, string>) =>
      as('district_officer').request('POST', `/api/training-activities/${activity}/check-ins`, body);
    expect((await checkIn(cohort.id, { idNumber: ID2 })).json()).toMatchObject({ id: a.id });
    const stranger = await checkIn(cohort.id, { name: '路人甲', mobile: '13811112222' });
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().error.details.reason.code).toBe('training.not_enrolled');
    expect((await checkIn(event.id, { name: '陈一', mobile: '13800000001' })).statusCode).toBe(200);

    // Completion needs attendance; events are not completed.
    const absent = await as('district_officer').request('POST', `/api/training-activities/${cohort.id}/completions`, {
      enrolmentIds: [a.id, b.id],
    });
    expect(absent.json().error.details.reason).toEqual({ code: 'training.not_attended', params: { name: '陈二' } });
    expect(
      (await as('district_officer').request('POST', `/api/training-activities/${event.id}/completions`, { enrolmentIds: [a.id] })).json()
        .error.details.reason.code,
    ).toBe('training.cohort_only');
    const done = await as('district_officer').request('POST', `/api/training-activities/${cohort.id}/completions`, {
      enrolmentIds: [a.id],
    });
    expect(done.statusCode).toBe(200);
    const handle = done.json().items[0].certificateHandle as string;
    expect(handle).toMatch(/^88\.118\/PX-\d{8}-[A-Z2-9]{6}$/);

    // The certificate resolves publicly, with the masked name only.
    const resolved = await anonymous('GET', `/api/identifiers/public/records/${handle}`);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.body).toContain('工业互联网标识解析实务');
    expect(resolved.body).toContain('陈*');
    expect(resolved.body).not.toContain('陈一');

    // Held (someone checked in) activities count; the person counts once; drill-downs reach them.
    expect(await before('T-PUB-2')).toBe(pub2 + 1);
    expect(await before('T-PUB-3')).toBe(pub3 + 1);
    expect(await before('T-PUB-4')).toBe(pub4 + 1);
    const drill = (await as('city_admin').request('GET', '/api/indicators/T-PUB-4/records')).json();
    expect(drill.records).toContainEqual(
      expect.objectContaining({ kind: 'trainee', title: '陈**', link: `/trainings/activities/${cohort.id}` }),
    );
    const events = (await as('city_admin').request('GET', '/api/indicators/T-PUB-2/records')).json();
    expect(events.records).toContainEqual(expect.objectContaining({ kind: 'training_activity', id: event.id }));
    // Huangpu's figure does not include Tianhe's people.
    const hpTotal = (await huangpu.request('GET', '/api/indicators/T-PUB-4')).json().value;
    expect(hpTotal).toBe(0);
  });
});
