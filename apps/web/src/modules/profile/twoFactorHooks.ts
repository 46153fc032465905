import { API } from '@suilian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/endpoints';
import { useAuth } from '../../session/auth';

const STATUS_KEY = ['auth', 'two-factor'] as const;

/** The caller's second factor: on or off, required by the role, recovery codes left. */
export function useTwoFactorStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => call(API.getTwoFactor) });
}

/** The login's second step: the answer is the complete Me, which replaces the pending one. */
export function useVerifySecondFactor() {
  const { setMe } = useAuth();
  return useMutation({
    mutationFn: (code: string) => call(API.verifySecondFactor, { body: { code } }),
    onSuccess: (me) => setMe(me),
  });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => call(API.startTwoFactorEnrolment) });
}

/** Confirms the enrolment; Me is refreshed afterwards (the caller shows the recovery codes first). */
export function useConfirmEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(API.confirmTwoFactorEnrolment, { body: { code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => call(API.regenerateRecoveryCodes, { body: { password } }),
    onSuccess: () => client.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useDisableTwoFactor() {
  const client = useQueryClient();
  const { refresh } = useAuth();
  return useMutation({
    mutationFn: (password: string) => call(API.disableTwoFactor, { body: { password } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: STATUS_KEY });
      await refresh();
    },
  });
}
