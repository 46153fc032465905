import { type Access, accessAllows, type Permission, permissionsOf } from '@suilian/contracts';
import type { Actor } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import type { OrgScope } from '../scope.js';

/**
 * The one authorization layer (ADR 0011). A policy names, per action on a kind of record, the
 * permission it needs and which records are in reach — as data, not code paths:
 * city-scope actors reach every record; district-scope actors the records whose `district` field
 * is their district; organisation-scope actors the records where one of the `organisation` fields
 * is their organisation. Services call `authorize` / `can` / `reach`; nothing else checks
 * permissions inline.
 */
export interface ScopeRule<R> {
  /**
   * The record's district field; null when district officers reach no record of this kind;
   * 'every' when they reach all of them (city-wide records such as early-warning notices).
   */
  district: KeysOfType<R, string | null> | null | 'every';
  /**
   * The record's organisation fields (owner, operator …; a list field such as an admin group counts
   * when it holds the organisation); empty when organisations reach none.
   */
  organisation: readonly KeysOfType<R, string | null | readonly string[]>[];
}

type KeysOfType<R, V> = { [K in keyof R]: R[K] extends V ? K : never }[keyof R];

export interface PolicyRule<R> {
  access: Access;
  /** Which records the action reaches; absent: every record, once the access is granted. */
  scope?: ScopeRule<R>;
}

/** The usual owner shape: a record of an organisation that lies in a district. */
export interface OrgOwned {
  orgId: string;
  districtId: string | null;
}

export const ORG_OWNED: ScopeRule<OrgOwned> = { district: 'districtId', organisation: ['orgId'] };

export interface Policy<A extends string, R> {
  readonly subject: string;
  readonly rules: Readonly<Record<A, PolicyRule<R>>>;
  /** Whether the actor holds the action's access (no record looked at). */
  allows(actor: Actor, action: A): boolean;
  /** Whether the actor may do `action` on `record` (access and scope). */
  can(actor: Actor, action: A, record: R): boolean;
  /**
   * Throws FORBIDDEN (403, naming the permission) without the access, and NOT_FOUND (404, the
   * record's existence is not revealed) when the record is out of reach.
   */
  authorize(actor: Actor, action: A, record?: R): void;
  /** For list queries: checks the access and returns which records the actor reaches. */
  reach(actor: Actor, action: A): OrgScope;
}

/** A forbidden answer that names the missing permission (the console words it). */
export function missingAccess(access: Access): AppError {
  const permissions = permissionsOf(access);
  const named = permissions.length > 0 ? permissions.join(' or ') : String(access);
  return new AppError('FORBIDDEN', `this needs ${named}`, { permission: permissions[0] ?? null, permissions });
}

function inReach<R>(actor: Actor, rule: ScopeRule<R> | undefined, record: R): boolean {
  if (!rule || actor.scope === 'city') return true;
  const fields = record as Record<PropertyKey, unknown>;
  if (actor.scope === 'district') {
    if (rule.district === 'every') return true;
    return rule.district !== null && actor.districtId !== null && fields[rule.district] === actor.districtId;
  }
  return rule.organisation.some((field) => {
    const value = fields[field];
    return Array.isArray(value) ? value.includes(actor.orgId) : value === actor.orgId;
  });
}

function reachOf<R>(actor: Actor, rule: ScopeRule<R> | undefined): OrgScope {
  if (!rule || actor.scope === 'city' || (actor.scope === 'district' && rule.district === 'every')) return { all: true };
  if (actor.scope === 'district') {
    // A district rule that reaches nothing still returns a filter that matches nothing.
    return {
      all: false,
      districtId: rule.district !== null && actor.districtId ? actor.districtId : '00000000-0000-0000-0000-000000000000',
    };
  }
  return { all: false, orgId: rule.organisation.length > 0 ? actor.orgId : '00000000-0000-0000-0000-000000000000' };
}

/** Declares the policy of one kind of record; `subject` names it in 404 answers (`factory not found`). */
export function definePolicy<R, A extends string>(subject: string, rules: Record<A, PolicyRule<R>>): Policy<A, R> {
  const allows = (actor: Actor, action: A) => accessAllows(rules[action].access, actor.permissions as readonly Permission[]);
  return {
    subject,
    rules,
    allows,
    can: (actor, action, record) => allows(actor, action) && inReach(actor, rules[action].scope, record),
    authorize(actor, action, record) {
      if (!allows(actor, action)) throw missingAccess(rules[action].access);
      if (record !== undefined && !inReach(actor, rules[action].scope, record)) throw notFound(subject);
    },
    reach(actor, action) {
      if (!allows(actor, action)) throw missingAccess(rules[action].access);
      return reachOf(actor, rules[action].scope);
    },
  };
}
