import { randomInt } from 'node:crypto';
import type { Enrolment } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, refusal } from '../../platform/errors.js';
import type { PlatformHandles } from '../handles/index.js';
import { maskName } from './logic/masks.js';
import { presentEnrolment } from './training.present.js';
import { type ActivityWithNames, createTrainingRepo } from './training.repo.js';

// No 0/O or 1/I: a certificate's identifier is read off paper and typed in again.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh certificate suffix: PX (培训), the completion day, six random characters. */
export function certificateSuffix(day: string, random: (max: number) => number = randomInt): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ALPHABET.charAt(random(ALPHABET.length));
  return `PX-${day.replaceAll('-', '')}-${tail}`;
}

/**
 * Completes the named roster rows of a cohort on `day` and mints each a certificate under the
 * platform's prefix, whose values say what the certificate says — the course, the holder's masked
 * name, the day and the organiser — so `/resolve/<handle>` verifies it without showing who in full.
 * Refuses the whole request when a row is not on the roster or its person did not attend.
 */
export async function issueCertificates(
  tx: DbOrTx,
  deps: { clock: Clock; certificates: Pick<PlatformHandles, 'register'> },
  found: ActivityWithNames,
  enrolmentIds: readonly string[],
  day: string,
  isDemo = false,
): Promise<Enrolment[]> {
  const repo = createTrainingRepo(tx);
  const rows = await repo.findEnrolments(found.activity.id, enrolmentIds);
  if (rows.length !== new Set(enrolmentIds).size)
    throw fieldError('VALIDATION_FAILED', 'enrolmentIds', 'on_roster', 'every row must be on this activity’s roster');
  const absent = rows.find((r) => !r.enrolment.checkedInAt);
  if (absent) throw refusal('CONFLICT', 'training.not_attended', 'only people who attended complete', { name: absent.person.name });
  const out: Enrolment[] = [];
  for (const { enrolment, person } of rows) {
    if (enrolment.completedOn) {
      out.push(presentEnrolment(enrolment, person));
      continue;
    }
    const values = [
      { type: 'DESC', value: '培训结业证书 Training certificate' },
      { type: 'CERT_COURSE', value: found.courseTitle ?? found.activity.title },
      { type: 'CERT_COHORT', value: found.activity.title },
      { type: 'CERT_HOLDER', value: maskName(person.name) },
      { type: 'CERT_DATE', value: day },
      { type: 'CERT_ISSUER', value: found.organiserName ?? found.districtName ?? '' },
    ];
    let handle: string | null = null;
    // A random suffix may, rarely, be taken already: draw again.
    for (let attempt = 0; attempt < 5 && !handle; attempt++)
      handle = await deps.certificates.register(tx, certificateSuffix(day), values, deps.clock.now(), isDemo);
    if (!handle) throw new Error('no free certificate identifier after five draws');
    const patch = { completedOn: day, certificateHandle: handle };
    await repo.updateEnrolment(enrolment.id, patch);
    out.push(presentEnrolment({ ...enrolment, ...patch }, person));
  }
  return out;
}
