import { API, type ConfirmationState } from '@suilian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/endpoints';

/** The record a confirmation acts on (issue #12 item 5). */
export type ConfirmTarget =
  | { kind: 'factory'; id: string }
  | { kind: 'registry_record'; id: string }
  | { kind: 'honour'; id: string; enterpriseId: string };

export interface ConfirmInput {
  target: ConfirmTarget;
  action: 'confirm' | 'return';
  comment: string;
  version: number;
}

/** Records enterprises declared that wait for the caller's confirmation. */
export function usePendingConfirmations(enabled = true) {
  return useQuery({
    queryKey: ['confirmations', 'pending'],
    enabled,
    queryFn: () => call(API.listPendingConfirmations, {}),
  });
}

function send({ target, action, comment, version }: ConfirmInput) {
  const body = { comment, version };
  if (target.kind === 'factory') {
    return call(action === 'confirm' ? API.confirmFactory : API.returnFactory, { params: { id: target.id }, body });
  }
  if (target.kind === 'registry_record') {
    return call(action === 'confirm' ? API.confirmRegistryRecord : API.returnRegistryRecord, { params: { id: target.id }, body });
  }
  return call(action === 'confirm' ? API.confirmEnterpriseHonour : API.returnEnterpriseHonour, {
    params: { id: target.enterpriseId, honourId: target.id },
    body,
  });
}

/** Confirms or returns a record; every list and figure that shows it is refreshed. */
export function useMoveConfirmation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () =>
      Promise.all(
        ['confirmations', 'factories', 'registries', 'enterprises', 'indicators', 'workbench', 'dashboard'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

/** Which buttons a state offers: a confirmed record can still be returned, a returned one confirmed. */
export function confirmationChoices(state: ConfirmationState): Array<'confirm' | 'return'> {
  if (state === 'confirmed') return ['return'];
  if (state === 'returned') return ['confirm'];
  return ['confirm', 'return'];
}
