import { type CodeItem, CodeItemParamsSchema, type CodeListKey } from '@suilian/contracts';
import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { schemaRule, useRules } from '../../shared/rules';
import { useUpsertItem } from './hooks';

interface Values {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  sortOrder?: number | null;
}

export type CodeItemMode = { type: 'create' } | { type: 'edit'; item: CodeItem };

/** Add an item to a code list or rename one (a new list version either way). */
export function CodeItemDrawer({ listKey, mode, onClose }: { listKey: CodeListKey; mode: CodeItemMode | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const upsert = useUpsertItem(listKey);
  const editing = mode?.type === 'edit' ? mode.item : undefined;
  const close = () => {
    upsert.reset();
    onClose();
  };
  const submit = (v: Values) => {
    upsert.mutate(
      {
        code: editing?.code ?? (v.code ?? '').trim(),
        body: { nameZh: (v.nameZh ?? '').trim(), nameEn: (v.nameEn ?? '').trim(), sortOrder: v.sortOrder ?? undefined },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          close();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  };
  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('codeLists.editItem')} · ${editing.code}` : t('codeLists.addItem')}
      size={440}
      testId="code-item-drawer"
      onSubmit={() => form.submit()}
      submitting={upsert.isPending}
      submitTestId="code-item-submit"
      error={upsert.error}
    >
      {mode && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={editing ? { nameZh: editing.nameZh, nameEn: editing.nameEn, sortOrder: editing.sortOrder } : {}}
        >
          {!editing && (
            <Form.Item
              name="code"
              label={t('fields.code')}
              rules={[rules.required('code'), schemaRule(CodeItemParamsSchema.shape.code, t('rules.codeFormat'))]}
            >
              <Input maxLength={32} style={{ fontFamily: 'monospace' }} data-testid="code-item-code" />
            </Form.Item>
          )}
          <Form.Item name="nameZh" label={t('fields.nameZh')} rules={[rules.required('nameZh'), rules.max('nameZh', 64)]}>
            <Input data-testid="code-item-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[rules.required('nameEn'), rules.max('nameEn', 128)]}>
            <Input data-testid="code-item-nameEn" />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('fields.sortOrder')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
