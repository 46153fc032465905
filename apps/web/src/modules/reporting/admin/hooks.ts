import { API, type BatchValidationQuery, type DataElementInput, type DataSetInput, type ValidationRuleInput } from '@suilian/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/endpoints';

const KEY = ['reporting', 'config'] as const;

export function useDataElements() {
  return useQuery({
    queryKey: [...KEY, 'elements'],
    queryFn: () => call(API.listDataElements),
  });
}

export function useDataSetConfigs() {
  return useQuery({
    queryKey: [...KEY, 'data-sets'],
    queryFn: () => call(API.listDataSetConfigs),
  });
}

export function useValidationRules() {
  return useQuery({
    queryKey: [...KEY, 'rules'],
    queryFn: () => call(API.listValidationRules),
  });
}

/** The three kinds of definition 报送配置 edits. */
export type DefinitionKind = 'element' | 'dataSet' | 'rule';
type Body<K extends DefinitionKind> = K extends 'element' ? DataElementInput : K extends 'dataSet' ? DataSetInput : ValidationRuleInput;

/** Create (no `code`) or update (the edited item's `code`; the body's own code is not sent) one definition of each kind. */
const SAVE: { [K in DefinitionKind]: (code: string | undefined, body: Body<K>) => Promise<unknown> } = {
  element: (code, body) => {
    if (!code) return call(API.createDataElement, { body });
    const { code: _, ...update } = body;
    return call(API.updateDataElement, { params: { code }, body: update });
  },
  dataSet: (code, body) => {
    if (!code) return call(API.createDataSetConfig, { body });
    const { code: _, ...update } = body;
    return call(API.updateDataSetConfig, { params: { code }, body: update });
  },
  rule: (code, body) => {
    if (!code) return call(API.createValidationRule, { body });
    const { code: _, ...update } = body;
    return call(API.updateValidationRule, { params: { code }, body: update });
  },
};

const REMOVE: Record<DefinitionKind, (code: string) => Promise<unknown>> = {
  element: (code) => call(API.deleteDataElement, { params: { code } }),
  dataSet: (code) => call(API.deleteDataSetConfig, { params: { code } }),
  rule: (code) => call(API.deleteValidationRule, { params: { code } }),
};

/** Create (no `code` given) or update (`code` of the edited item) one definition; every list reloads after. */
export function useSaveDefinition<K extends DefinitionKind>(kind: K) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code?: string; body: Body<K> }) => SAVE[kind](code, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteDefinition(kind: DefinitionKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => REMOVE[kind](code),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useBatchValidation(query: BatchValidationQuery | null) {
  return useQuery({
    queryKey: ['reporting', 'batch', query],
    queryFn: () => call(API.runBatchValidation, { query: query ?? undefined }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
