import { randomInt, randomUUID } from 'node:crypto';
import type {
  ConfirmSignUp,
  PublicSignUp,
  PublicTrainingEvent,
  PublicTrainingEventQuery,
  SignUpConfirmed,
  SignUpStarted,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import { type Clock, chinaDate } from '../../platform/clock.js';
import type { PersonDigests } from '../../platform/crypto/person-digest.js';
import { notFound, refusal } from '../../platform/errors.js';
import type { CodeSender } from './code-senders.js';
import { maskEmail } from './logic/masks.js';
import { identifyPerson } from './training.people.js';
import { presentPublic } from './training.present.js';
import { createTrainingRepo } from './training.repo.js';
import { assertSeat } from './training.service.js';

export interface SignUpServiceDeps {
  db: Db;
  clock: Clock;
  persons: PersonDigests;
  sender: CodeSender;
}

const CODE_MINUTES = 30;
const CODE_TRIES = 5;

/**
 * The portal's side (issue #15 item 6): published activities for anyone, and sign-up confirmed by a
 * six-digit code sent by e-mail (the outbox). The code is kept only as a keyed digest; five wrong
 * codes or thirty minutes end it (signing up again sends a new one). Routes limit both per client
 * address. Seats are counted when the code confirms, under the activity's lock, so a full activity
 * refuses then too.
 */
export function createSignUpService(deps: SignUpServiceDeps) {
  const today = () => chinaDate(deps.clock.now());
  const codeKey = (signUpId: string, code: string) => `sign-up:${signUpId}:${code}`;

  return {
    async listPublic(query: PublicTrainingEventQuery): Promise<{ items: PublicTrainingEvent[]; total: number }> {
      const page = await createTrainingRepo(deps.db).listPublished(query, today());
      return { items: page.items.map(presentPublic), total: page.total };
    },

    async signUp(activityId: string, input: PublicSignUp): Promise<SignUpStarted> {
      return deps.db.transaction(async (tx) => {
        const repo = createTrainingRepo(tx);
        const found = await repo.findActivity(activityId);
        // Unpublished activities do not exist for the public.
        if (!found?.activity.published) throw notFound('event');
        if (found.activity.endsOn < today())
          throw refusal('CONFLICT', 'training.not_open', 'sign-up has closed', { until: found.activity.endsOn });
        await repo.lockActivity(activityId);
        const now = deps.clock.now();
        const person = await identifyPerson(repo, deps.persons, input, now);
        const existing = await repo.findEnrolmentOf(activityId, person.id);
        if (existing?.state === 'enrolled') throw refusal('CONFLICT', 'training.already_enrolled', 'this person is already enrolled');
        await assertSeat(repo, activityId);
        const id = existing?.id ?? randomUUID();
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const pending = {
          state: 'unconfirmed' as const,
          codeDigest: deps.persons.digest(codeKey(id, code)),
          codeExpiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
          codeAttempts: 0,
        };
        if (existing) await repo.updateEnrolment(id, pending);
        else await repo.insertEnrolment({ id, activityId, personId: person.id, ...pending, createdAt: now });
        await deps.sender.send(tx, { to: input.email, code, activityTitle: found.activity.title, minutes: CODE_MINUTES });
        return { signUpId: id, channel: deps.sender.channel, sentTo: maskEmail(input.email) };
      });
    },

    async confirm(signUpId: string, input: ConfirmSignUp): Promise<SignUpConfirmed> {
      // A wrong code's attempt is kept (its transaction commits), then refused.
      const outcome = await deps.db.transaction(async (tx) => {
        const repo = createTrainingRepo(tx);
        const found = await repo.findEnrolment(signUpId);
        if (!found) throw notFound('sign-up');
        await repo.lockActivity(found.enrolment.activityId);
        const e = (await repo.findEnrolment(signUpId))?.enrolment ?? found.enrolment;
        if (e.state === 'enrolled') throw refusal('CONFLICT', 'training.already_enrolled', 'this sign-up is already confirmed');
        if (e.codeAttempts >= CODE_TRIES) throw refusal('CONFLICT', 'training.code_exhausted', 'too many wrong codes; sign up again');
        if (!e.codeExpiresAt || e.codeExpiresAt <= deps.clock.now())
          throw refusal('CONFLICT', 'training.code_expired', 'the code has expired; sign up again');
        if (!e.codeDigest || !deps.persons.candidates(codeKey(e.id, input.code)).includes(e.codeDigest)) {
          await repo.updateEnrolment(e.id, { codeAttempts: e.codeAttempts + 1 });
          return { wrong: CODE_TRIES - e.codeAttempts - 1 };
        }
        await assertSeat(repo, e.activityId);
        await repo.updateEnrolment(e.id, { state: 'enrolled', enrolledAt: deps.clock.now(), codeDigest: null, codeExpiresAt: null });
        const activity = await repo.findActivity(e.activityId);
        return { wrong: undefined, title: activity?.activity.title ?? '' };
      });
      if (outcome.wrong !== undefined)
        throw refusal('BAD_REQUEST', 'training.code_wrong', 'the code does not match', { attemptsLeft: outcome.wrong });
      return { state: 'enrolled', activityTitle: outcome.title ?? '' };
    },
  };
}

export type SignUpService = ReturnType<typeof createSignUpService>;
