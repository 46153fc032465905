import {
  type ChangeUserRole,
  type CreateUser,
  ROLE_DEFINITIONS,
  type Role,
  type UpdateUser,
  type User,
  type UserListQuery,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { createLoginAttemptRepo } from './login-attempt.repo.js';
import { generatePassword, hashPassword } from './password.js';
import { assertMayChangeRole, roleChangedNotice } from './role-change.js';
import type { SessionCache } from './session-cache.js';
import type { SessionRevocation } from './session-revocation.js';
import { createTwoFactorRepo } from './two-factor/two-factor.repo.js';
import { userPolicy } from './user.policy.js';
import { createUserRepo, type UserRow, type UserWithOrg } from './user.repo.js';

export interface UserServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  sessions: SessionCache;
  revocations: Pick<SessionRevocation, 'notify'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** Account administration: create with a one-time password, edit, disable, reset. */
export function createUserService(deps: UserServiceDeps) {
  const users = createUserRepo(deps.db);

  /** Loads an account for `action`: 403 without the permission, 404 when missing or out of reach. */
  async function load(actor: Actor, action: 'read' | 'manage', id: string, db: DbOrTx = deps.db): Promise<UserWithOrg> {
    userPolicy.authorize(actor, action);
    const user = await createUserRepo(db).findById(id);
    if (!user) throw notFound('user');
    userPolicy.authorize(actor, action, user);
    return user;
  }

  /** Role data, not a permission: a district officer manages enterprise and provider accounts only. */
  function assertManagesRole(actor: Actor, role: Role) {
    if (!ROLE_DEFINITIONS[actor.role].manages.includes(role))
      throw refusal('FORBIDDEN', 'user.role_not_managed', `your role may not manage ${role} accounts`, { role });
  }

  /** The organisation an account of `role` is to belong to: in the actor's scope and of a kind the role allows. */
  async function orgForRole(actor: Actor, role: Role, orgId: string) {
    const org = await deps.organisations.findById(orgId);
    if (!org || !userPolicy.can(actor, 'manage', { orgId: org.id, orgDistrictId: org.districtId }))
      throw fieldError('VALIDATION_FAILED', 'orgId', 'exists', 'no such organisation in your scope');
    if (!ROLE_DEFINITIONS[role].orgKinds.includes(org.kind))
      throw fieldError(
        'ROLE_ORG_MISMATCH',
        'orgId',
        'role_org_kind',
        `a ${role} account belongs to a ${ROLE_DEFINITIONS[role].orgKinds.join(' or ')} organisation`,
      );
    return org;
  }

  /** Writes a change to a managed account, audits it, and drops its cached sessions. */
  async function changeManaged(
    actor: Actor,
    id: string,
    action: string,
    change: (user: UserWithOrg, tx: DbOrTx) => Promise<UserRow | null>,
    orgNameAfter?: string,
  ): Promise<User> {
    const result = await deps.db.transaction(async (tx) => {
      const before = await load(actor, 'manage', id, tx);
      assertManagesRole(actor, before.role);
      const updated = await change(before, tx);
      if (!updated) throw staleVersion('user');
      const after = toUser({ ...updated, orgName: orgNameAfter ?? before.orgName });
      await deps.audit.append(tx, actor, { action, entityType: 'user', entityId: id, before: toUser(before), after });
      // Every instance drops the account's cached sessions when this commits (ADR 0014).
      await deps.revocations.notify(tx, { userId: id });
      return after;
    });
    deps.sessions.deleteUser(id);
    return result;
  }

  return {
    async list(actor: Actor, query: UserListQuery) {
      const page = await users.findPage(userPolicy.reach(actor, 'read'), query);
      return { items: page.items.map(toUser), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<User> {
      return toUser(await load(actor, 'read', id));
    },

    async create(actor: Actor, input: CreateUser): Promise<{ user: User; oneTimePassword: string }> {
      userPolicy.authorize(actor, 'manage');
      assertManagesRole(actor, input.role);
      const org = await orgForRole(actor, input.role, input.orgId);
      const oneTimePassword = generatePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      const now = deps.clock.now();
      const user = await deps.db.transaction(async (tx) => {
        const repo = createUserRepo(tx);
        if (await repo.findByUsername(input.username)) throw duplicateUsername();
        const created = await repo
          .insert({
            ...input,
            email: input.email ?? null,
            phone: input.phone ?? null,
            passwordHash,
            mustChangePassword: true,
            createdAt: now,
            updatedAt: now,
          })
          .catch((error) => {
            if (isUniqueViolation(error)) throw duplicateUsername();
            throw error;
          });
        const result = toUser({ ...created, orgName: org.name });
        await deps.audit.append(tx, actor, { action: 'user.create', entityType: 'user', entityId: created.id, after: result });
        return result;
      });
      return { user, oneTimePassword };
    },

    async update(actor: Actor, id: string, input: UpdateUser): Promise<User> {
      const { version, ...patch } = input;
      return changeManaged(actor, id, 'user.update', (_user, tx) =>
        createUserRepo(tx).updateVersioned(id, version, { ...patch, updatedAt: deps.clock.now() }),
      );
    },

    async setStatus(actor: Actor, id: string, status: 'active' | 'disabled'): Promise<User> {
      if (status === 'disabled' && actor.userId === id)
        throw refusal('CONFLICT', 'user.disable_self', 'you cannot disable your own account');
      return changeManaged(actor, id, status === 'disabled' ? 'user.disable' : 'user.enable', async (user, tx) => {
        const repo = createUserRepo(tx);
        if (status === 'disabled') await repo.deleteSessionsOf(id);
        await createLoginAttemptRepo(tx).clearName(user.username);
        return repo.updateVersioned(id, user.version, { status, failedLoginCount: 0, lockedUntil: null, updatedAt: deps.clock.now() });
      });
    },

    /** Lifts every lock of the account, from every address, and forgets its failures and past locks. */
    async unlock(actor: Actor, id: string): Promise<User> {
      return changeManaged(actor, id, 'user.unlock', async (user, tx) => {
        await createLoginAttemptRepo(tx).clearName(user.username);
        return createUserRepo(tx).updateVersioned(id, user.version, {
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: deps.clock.now(),
        });
      });
    },

    /**
     * Removes the account's second factor and recovery codes (a lost phone) and ends its sessions; at
     * the next login it enrols again if its role requires one.
     */
    async resetTwoFactor(actor: Actor, id: string): Promise<User> {
      return changeManaged(actor, id, 'user.two_factor_reset', async (current, tx) => {
        const now = deps.clock.now();
        await createUserRepo(tx).deleteSessionsOf(id);
        await createTwoFactorRepo(tx).disable(id, now);
        return createUserRepo(tx).updateVersioned(id, current.version, { updatedAt: now });
      });
    },

    /**
     * Gives an account another role and organisation (issue #11 item 6): city administrators only, not
     * their own, never leaving no active city administrator. The account's sessions end on every
     * instance (it logs in again under the new role, enrolling a second factor if that role needs one)
     * and it alone is told. Audited as user.role_change with the role and organisation before and after.
     */
    async changeRole(actor: Actor, id: string, input: ChangeUserRole): Promise<User> {
      userPolicy.authorize(actor, 'manage');
      assertMayChangeRole(actor, id);
      const org = await orgForRole(actor, input.role, input.orgId);
      return changeManaged(
        actor,
        id,
        'user.role_change',
        async (current, tx) => {
          if (current.role === input.role && current.orgId === org.id)
            throw refusal('CONFLICT', 'user.role_unchanged', 'neither the role nor the organisation changes');
          const repo = createUserRepo(tx);
          const cityAdmins = await repo.lockActiveCityAdmins();
          // Checked under the lock: an administrator demoted a moment ago by another no longer acts as one.
          if (actor.userId && !cityAdmins.includes(actor.userId))
            throw refusal('FORBIDDEN', 'user.role_change_city_admin_only', 'only city administrators change the role of an account');
          if (current.role === 'city_admin' && input.role !== 'city_admin' && !cityAdmins.some((adminId) => adminId !== id))
            throw refusal('CONFLICT', 'user.last_city_admin', 'the last active city administrator keeps the role');
          await repo.deleteSessionsOf(id);
          const updated = await repo.updateVersioned(id, input.version, { role: input.role, orgId: org.id, updatedAt: deps.clock.now() });
          if (updated)
            await deps.notifications.notify(
              tx,
              [{ userId: id }],
              roleChangedNotice({ fromRole: current.role, toRole: input.role, orgName: org.name, by: actor.displayName ?? actor.name }),
            );
          return updated;
        },
        org.name,
      );
    },

    /** Issues a new one-time password; the account must change it at next login and is unlocked. */
    async resetPassword(actor: Actor, id: string): Promise<{ user: User; oneTimePassword: string }> {
      const oneTimePassword = generatePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      const user = await changeManaged(actor, id, 'user.password_reset', async (current, tx) => {
        const repo = createUserRepo(tx);
        await repo.deleteSessionsOf(id);
        await createLoginAttemptRepo(tx).clearName(current.username);
        return repo.updateVersioned(id, current.version, {
          passwordHash,
          mustChangePassword: true,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: deps.clock.now(),
        });
      });
      return { user, oneTimePassword };
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;

function duplicateUsername(): AppError {
  return new AppError('DUPLICATE', 'this username is already taken', {
    issues: [{ field: 'username', rule: 'unique', message: 'already taken' }],
  });
}

/** The public shape of an account: never the password hash. */
export function toUser(row: UserRow & { orgName: string }): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgId: row.orgId,
    orgName: row.orgName,
    email: row.email,
    phone: row.phone,
    status: row.status,
    mustChangePassword: row.mustChangePassword,
    locale: row.locale,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    twoFactorEnabled: row.totpSecret !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
