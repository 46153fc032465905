import { z } from 'zod';

/**
 * Two-factor authentication (TOTP, RFC 6238) of people's accounts (issue #11 item 6, ADR 0014).
 * Codes are six digits; recovery codes are 16 characters from a 31-character alphabet, shown in groups
 * of four (`abcd-efgh-jkmn-pqrs`); spaces and dashes are ignored when a code is typed.
 */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

/** A six-digit TOTP code or a recovery code, as typed. */
export const SecondFactorCodeSchema = z.string().trim().min(6).max(32);

export const VerifySecondFactorSchema = z.object({ code: SecondFactorCodeSchema }).strict();
export type VerifySecondFactor = z.infer<typeof VerifySecondFactorSchema>;

/** A new secret to enrol: shown once, confirmed with a code before it protects the account. */
export const TwoFactorEnrolmentSchema = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** `otpauth://totp/…` for authenticator apps. */
  otpauthUri: z.string(),
  /** The URI as a QR code, a `data:image/png;base64,…` URL. */
  qrDataUrl: z.string(),
});
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolmentSchema>;

export const ConfirmTwoFactorSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'code: six digits'),
  })
  .strict();
export type ConfirmTwoFactor = z.infer<typeof ConfirmTwoFactorSchema>;

/** Recovery codes in clear: returned once, on enrolment and on regeneration; only their hashes are kept. */
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** Re-authentication before a change to the second factor: the current password. */
export const ReauthenticateSchema = z.object({ password: z.string().min(1).max(256) }).strict();
export type Reauthenticate = z.infer<typeof ReauthenticateSchema>;

/** The caller's second factor: whether it is on, whether the role demands it, unused recovery codes. */
export const TwoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatusSchema>;
