import { z } from 'zod';
import { IsoDateTimeSchema, ListQuerySchema } from './common.js';
import { ROLES } from './roles.js';

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to recognise it; the rest is stored only as a hash. */
  prefix: z.string(),
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /**
   * The token's Handle identity (`<prefix>/<name>`, HS_SECKEY at index 300) when its organisation
   * administers a prefix: Handle clients log in as `300:<adminHandle>` with the token as secret.
   */
  adminHandle: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    role: z.enum(ROLES),
    orgId: z.uuid(),
    expiresAt: IsoDateTimeSchema.nullable().optional(),
  })
  .strict();
export type CreateApiToken = z.infer<typeof CreateApiTokenSchema>;

export const CreatedApiTokenSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema });

export const ApiTokenListQuerySchema = ListQuerySchema.extend({
  includeRevoked: z.enum(['true', 'false']).optional(),
}).strict();
export type ApiTokenListQuery = z.infer<typeof ApiTokenListQuerySchema>;

export const TOKEN_PREFIX = 'slt_';
