import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';
import { PermissionSchema, RoleSchema } from './roles.js';

export const EmailSchema = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());
export const PasswordSchema = z.string().min(1).max(256);

export const LoginBodySchema = z.object({ email: EmailSchema, password: PasswordSchema }).strict();

export const GrantSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const MeSchema = z.object({
  id: IdSchema,
  email: z.string(),
  fullName: z.string(),
  locale: z.enum(['vi', 'en']),
  homeOrgId: IdSchema.nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  grants: z.array(GrantSchema),
  permissions: z.array(PermissionSchema),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

/**
 * Sign-in is a small state machine: the password opens a session that may still
 * need a TOTP code, a TOTP enrolment (mandatory roles) or a password change.
 */
export const LoginStepSchema = z.enum(['done', 'totp_required', 'totp_enrolment_required', 'password_change_required']);
export const LoginResultSchema = z.object({ step: LoginStepSchema, me: MeSchema });
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const TotpBodySchema = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    recoveryCode: z.string().min(8).max(32).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), { message: 'Give either code or recoveryCode' });

export const TotpEnrolStartSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
/** Replacing a factor one already has needs the password and a code from the current factor; a first enrolment needs neither. */
export const TotpEnrolStartBodySchema = z
  .object({
    currentPassword: z.string().max(200).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict()
  .nullish();
export const TotpEnrolConfirmBodySchema = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const ChangePasswordBodySchema = z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema }).strict();

export const SessionSchema = z.object({
  id: IdSchema,
  createdAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
  expiresAt: TimestampSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;
