import { CreateUserSchema, checkCreditCode, checkPasswordPolicy, DivisionCodeSchema, UsernameSchema } from '@suilian/contracts';
import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checker } from '../api/http';
import type { Messages } from '../i18n/zh-CN';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A form rule running the same Zod schema as the server, with a localised message. */
export function schemaRule(schema: Checker<unknown>, message: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}

/** Localised validation rules shared by the console's forms (same rules as the contracts). */
export function useRules() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (field: keyof Messages['fields']) => t(`fields.${field}`);
    return {
      required: (field: keyof Messages['fields']): FormRule => ({
        required: true,
        whitespace: true,
        message: t('rules.required', { field: label(field) }),
      }),
      requiredSelect: (field: keyof Messages['fields']): FormRule => ({
        required: true,
        message: t('rules.requiredSelect', { field: label(field) }),
      }),
      max: (field: keyof Messages['fields'], max: number): FormRule => ({
        max,
        message: t('rules.maxLength', { field: label(field), max }),
      }),
      username: schemaRule(UsernameSchema, t('rules.username')),
      email: schemaRule(CreateUserSchema.shape.email, t('rules.email')),
      phone: schemaRule(CreateUserSchema.shape.phone, t('rules.phone')),
      divisionCode: schemaRule(DivisionCodeSchema, t('rules.divisionCode')),
      creditCode: {
        validator: async (_rule, value: unknown) => {
          if (isBlank(value)) return;
          const problem = checkCreditCode(String(value).trim().toUpperCase());
          if (problem) throw new Error(t(`rules.creditCode.${problem}`));
        },
      } satisfies FormRule,
      /** The password policy; `username` is read when the rule runs. */
      password: (username: () => string | undefined): FormRule => ({
        validator: async (_rule, value: unknown) => {
          if (isBlank(value)) return;
          const problem = checkPasswordPolicy(String(value), username());
          if (problem) throw new Error(t(`rules.password.${problem}`));
        },
      }),
    };
  }, [t]);
}

/** Form strings to API values: blank → null (clears the field). */
export function nullIfBlank(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string).trim();
}

/** Form strings to API values: blank → undefined (omitted on create). */
export function undefinedIfBlank(value: string | null | undefined): string | undefined {
  return isBlank(value) ? undefined : (value as string).trim();
}
