import { z } from 'zod';
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common.js';
import { EmailSchema, GrantSchema } from './auth.js';
import { PermissionSchema, RoleSchema } from './roles.js';

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  homeOrgId: IdSchema,
  homeOrgName: z.string(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: TimestampSchema.nullable(),
  isDemo: z.boolean(),
  createdAt: TimestampSchema,
  grants: z.array(GrantSchema),
  /** Whether the caller may act on this person (edit, reset, end sessions): they hold the right and outrank every grant of the person. */
  canManage: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;
export const UserPageSchema = pageOf(UserSchema);

export const ListUsersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  orgId: IdSchema.optional(),
}).strict();

export const CreateUserBodySchema = z
  .object({
    email: EmailSchema,
    fullName: z.string().trim().min(1).max(255),
    phone: z.string().trim().max(32).nullable().default(null),
    homeOrgId: IdSchema,
    locale: z.enum(['vi', 'en']).default('vi'),
  })
  .strict();
export const UpdateUserBodySchema = z
  .object({
    fullName: z.string().trim().min(1).max(255).optional(),
    phone: z.string().trim().max(32).nullable().optional(),
    disabled: z.boolean().optional(),
    locale: z.enum(['vi', 'en']).optional(),
  })
  .strict();
/** A one-time password, shown once to the admin; the user must change it at first sign-in. */
export const TemporaryPasswordSchema = z.object({ user: UserSchema, temporaryPassword: z.string() });

export const CreateGrantBodySchema = z.object({ role: RoleSchema, orgId: IdSchema.nullable() }).strict();

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  permissions: z.array(PermissionSchema),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const CreateApiTokenBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    orgId: IdSchema,
    permissions: z.array(PermissionSchema).min(1).max(20),
    expiresInDays: z.number().int().min(1).max(730),
  })
  .strict();
/** The secret is in this response only; the server keeps its hash. */
export const CreatedApiTokenSchema = z.object({ token: ApiTokenSchema, secret: z.string() });
