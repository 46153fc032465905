import { maskResidentId, type TrainingPerson } from '@suilian/contracts';
import type { PersonDigests } from '../../platform/crypto/person-digest.js';
import { maskMobile, normaliseName } from './logic/masks.js';
import type { createTrainingRepo, PersonRow } from './training.repo.js';

/** The digests a person is looked up by: identity number (when given), and normalised name + mobile. */
export function personKeys(persons: PersonDigests, who: { name: string; mobile: string; idNumber?: string | undefined }) {
  const contact = `contact:${normaliseName(who.name)}|${who.mobile}`;
  return {
    idDigest: who.idNumber ? persons.digest(who.idNumber) : null,
    idCandidates: who.idNumber ? persons.candidates(who.idNumber) : [],
    contactDigest: persons.digest(contact),
    contactCandidates: persons.candidates(contact),
  };
}

/**
 * The one person behind these details, created on first sight: T-PUB-4 counts each person once
 * however many trainings they take. Someone known by name and mobile who now gives an identity
 * number keeps their record and gains the number's digest.
 */
export async function identifyPerson(
  repo: ReturnType<typeof createTrainingRepo>,
  persons: PersonDigests,
  who: TrainingPerson,
  now: Date,
  isDemo = false,
): Promise<PersonRow> {
  const keys = personKeys(persons, who);
  const known = await repo.findPerson(keys.idCandidates, keys.contactCandidates);
  if (known) {
    if (who.idNumber && !known.idDigest) {
      const patch = { idDigest: keys.idDigest, idNumberMasked: maskResidentId(who.idNumber) };
      await repo.updatePerson(known.id, patch);
      return { ...known, ...patch };
    }
    return known;
  }
  return repo.insertPerson({
    name: who.name,
    idDigest: keys.idDigest,
    contactDigest: keys.contactDigest,
    idNumberMasked: who.idNumber ? maskResidentId(who.idNumber) : null,
    mobileMasked: maskMobile(who.mobile),
    organisation: who.organisation ?? null,
    isDemo,
    createdAt: now,
  });
}
