import {
  type BatchValidationQuery,
  type BatchValidationResult,
  BatchValidationResultSchema,
  type DataElement,
  type DataElementInput,
  DataElementListSchema,
  type DataSetConfig,
  DataSetConfigListSchema,
  type DataSetInput,
  type ValidationRuleConfig,
  ValidationRuleConfigListSchema,
  type ValidationRuleInput,
} from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/http';

const BASE = '/reporting/config';
const KEY = ['reporting', 'config'] as const;

export function useDataElements() {
  return useQuery({
    queryKey: [...KEY, 'elements'],
    queryFn: () => api.get<DataElement[]>(`${BASE}/data-elements`, { check: DataElementListSchema }),
  });
}

export function useDataSetConfigs() {
  return useQuery({
    queryKey: [...KEY, 'data-sets'],
    queryFn: () => api.get<DataSetConfig[]>(`${BASE}/data-sets`, { check: DataSetConfigListSchema }),
  });
}

export function useValidationRules() {
  return useQuery({
    queryKey: [...KEY, 'rules'],
    queryFn: () => api.get<ValidationRuleConfig[]>(`${BASE}/validation-rules`, { check: ValidationRuleConfigListSchema }),
  });
}

type Path = 'data-elements' | 'data-sets' | 'validation-rules';
type Body<P extends Path> = P extends 'data-elements' ? DataElementInput : P extends 'data-sets' ? DataSetInput : ValidationRuleInput;

/** Create (no `code` given) or update (`code` of the edited item) one definition; every list reloads after. */
export function useSaveDefinition<P extends Path>(path: P) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code?: string; body: Body<P> }) => {
      if (!code) return api.post<unknown>(`${BASE}/${path}`, body);
      const { code: _, ...update } = body;
      return api.put<unknown>(`${BASE}/${path}/${encodeURIComponent(code)}`, update);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteDefinition(path: Path) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.delete<null>(`${BASE}/${path}/${encodeURIComponent(code)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useBatchValidation(query: BatchValidationQuery | null) {
  return useQuery({
    queryKey: ['reporting', 'batch', query],
    queryFn: () =>
      api.get<BatchValidationResult>('/reporting/validation/batch', {
        query: query ?? undefined,
        check: BatchValidationResultSchema,
      }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
