import {
  MISSING_VALUE_STRATEGIES,
  RULE_IMPORTANCES,
  VALIDATION_OPERATORS,
  type ValidationRuleConfig,
  type ValidationRuleInput,
  ValidationRuleInputSchema,
} from '@suilian/contracts';
import { App, Button, Descriptions, Flex, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../session/locale';
import { ApiErrorAlert, applyFormErrors, useNotifyError } from '../../../shared/errors';
import { RecordDrawer } from '../../../shared/frame/RecordDrawer';
import { schemaRule } from '../../../shared/rules';
import { StatusTag, type StatusTone } from '../../../shared/StatusTag';
import { useDataSetConfigs, useDeleteDefinition, useSaveDefinition, useValidationRules } from './hooks';
import { useInitialValues, useRequired } from './required';

export const IMPORTANCE_TONES: Record<ValidationRuleConfig['importance'], StatusTone> = {
  high: 'failed',
  medium: 'attention',
  low: 'closed',
};

function RuleDrawer({ editing, open, onClose }: { editing: ValidationRuleConfig | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const required = useRequired();
  const [form] = Form.useForm<ValidationRuleInput>();
  const sets = useDataSetConfigs();
  const save = useSaveDefinition('rule');
  const close = () => {
    save.reset();
    onClose();
  };
  const mono = { fontFamily: 'monospace' };
  const initial: Partial<ValidationRuleInput> = editing ?? {
    dataSet: sets.data?.[0]?.code,
    operator: 'greater_than_or_equal_to' as const,
    strategy: 'SKIP_IF_ANY_VALUE_MISSING' as const,
    importance: 'medium' as const,
  };
  useInitialValues(form, open, initial);
  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={
        editing
          ? `${t('reportingAdmin.actions.edit')} · ${editing.code}`
          : `${t('reportingAdmin.actions.add')} · ${t('reportingAdmin.tabs.rules')}`
      }
      size={560}
      testId="rule-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="rule-submit"
      error={save.error}
      showReason
    >
      {open && (
        <Form<ValidationRuleInput>
          key={editing?.code ?? 'new'}
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initial}
          onFinish={(v) =>
            save.mutate(
              {
                code: editing?.code,
                body: {
                  code: editing?.code ?? v.code,
                  dataSet: v.dataSet,
                  nameZh: v.nameZh,
                  nameEn: v.nameEn,
                  left: v.left,
                  operator: v.operator,
                  right: v.right,
                  strategy: v.strategy,
                  importance: v.importance,
                  description: v.description || null,
                },
              },
              {
                onSuccess: () => {
                  void message.success(t('reportingAdmin.actions.saved'));
                  close();
                },
                onError: (error) => applyFormErrors(form, error, t),
              },
            )
          }
        >
          <Form.Item
            name="code"
            label={t('reportingAdmin.field.code')}
            extra={t('reportingAdmin.hints.code')}
            rules={editing ? [] : [required('code'), schemaRule(ValidationRuleInputSchema.shape.code, t('reportingAdmin.hints.code'))]}
          >
            <Input disabled={Boolean(editing)} style={mono} data-testid="rule-code" />
          </Form.Item>
          <Form.Item name="dataSet" label={t('reportingAdmin.field.dataSet')} rules={[required('dataSet')]}>
            <Select
              options={(sets.data ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.nameZh}` }))}
              data-testid="rule-dataSet"
            />
          </Form.Item>
          <Form.Item name="nameZh" label={t('reportingAdmin.field.nameZh')} rules={[required('nameZh')]}>
            <Input maxLength={200} data-testid="rule-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('reportingAdmin.field.nameEn')} rules={[required('nameEn')]}>
            <Input maxLength={200} data-testid="rule-nameEn" />
          </Form.Item>
          <Form.Item
            name="left"
            label={t('reportingAdmin.field.left')}
            extra={t('reportingAdmin.hints.expression')}
            rules={[required('left')]}
          >
            <Input.TextArea rows={2} style={mono} data-testid="rule-left" />
          </Form.Item>
          <Form.Item name="operator" label={t('reportingAdmin.field.operator')}>
            <Select
              options={VALIDATION_OPERATORS.map((o) => ({ value: o, label: t(`reportingAdmin.operators.${o}`) }))}
              data-testid="rule-operator"
            />
          </Form.Item>
          <Form.Item name="right" label={t('reportingAdmin.field.right')} rules={[required('right')]}>
            <Input.TextArea rows={2} style={mono} data-testid="rule-right" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="strategy" label={t('reportingAdmin.field.strategy')} style={{ flex: 2 }}>
              <Select options={MISSING_VALUE_STRATEGIES.map((s) => ({ value: s, label: t(`reportingAdmin.strategies.${s}`) }))} />
            </Form.Item>
            <Form.Item name="importance" label={t('reportingAdmin.field.importance')} style={{ flex: 1 }}>
              <Select options={RULE_IMPORTANCES.map((i) => ({ value: i, label: t(`reportingAdmin.importances.${i}`) }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="description" label={t('reportingAdmin.field.description')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}

/** 校验规则: `left OP right` per data set, with DHIS2's operators, missing-value strategies and importance. */
export function RulesTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const rules = useValidationRules();
  const remove = useDeleteDefinition('rule');
  const [drawer, setDrawer] = useState<{ editing: ValidationRuleConfig | null } | null>(null);
  const sets = [...new Set((rules.data ?? []).map((r) => r.dataSet))];
  return (
    <Flex vertical gap={12}>
      {canEdit && (
        <Flex justify="end">
          <Button type="primary" onClick={() => setDrawer({ editing: null })} data-testid="rule-add">
            {t('reportingAdmin.actions.add')}
          </Button>
        </Flex>
      )}
      {rules.error && <ApiErrorAlert error={rules.error} />}
      <Table<ValidationRuleConfig>
        size="small"
        rowKey="code"
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="rule-table"
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('reportingAdmin.field.left')}>
                <Typography.Text code translate="no">
                  {r.left}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('reportingAdmin.field.operator')}>
                {t(`reportingAdmin.operators.${r.operator}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('reportingAdmin.field.right')}>
                <Typography.Text code translate="no">
                  {r.right}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('reportingAdmin.field.strategy')}>
                {t(`reportingAdmin.strategies.${r.strategy}`)}
              </Descriptions.Item>
              {r.description && <Descriptions.Item label={t('reportingAdmin.field.description')}>{r.description}</Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          {
            title: t('reportingAdmin.field.code'),
            dataIndex: 'code',
            render: (c: string) => (
              <Typography.Text code translate="no">
                {c}
              </Typography.Text>
            ),
          },
          {
            title: t('reportingAdmin.field.dataSet'),
            dataIndex: 'dataSet',
            filters: sets.map((s) => ({ value: s, text: s })),
            onFilter: (v, r) => r.dataSet === v,
          },
          { title: t('reportingAdmin.field.nameZh'), key: 'name', render: (_, r) => (locale === 'zh-CN' ? r.nameZh : r.nameEn) },
          {
            title: `${t('reportingAdmin.field.left')} / ${t('reportingAdmin.field.operator')} / ${t('reportingAdmin.field.right')}`,
            key: 'expression',
            render: (_, r) => (
              <Typography.Text code style={{ whiteSpace: 'normal' }}>
                {r.left} · {t(`reportingAdmin.operators.${r.operator}`)} · {r.right}
              </Typography.Text>
            ),
          },
          {
            title: t('reportingAdmin.field.importance'),
            dataIndex: 'importance',
            filters: RULE_IMPORTANCES.map((i) => ({ value: i, text: t(`reportingAdmin.importances.${i}`) })),
            onFilter: (v, r) => r.importance === v,
            render: (i: ValidationRuleConfig['importance']) => (
              <StatusTag tone={IMPORTANCE_TONES[i]}>{t(`reportingAdmin.importances.${i}`)}</StatusTag>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, r: ValidationRuleConfig) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDrawer({ editing: r })} data-testid={`rule-edit-${r.code}`}>
                        {t('reportingAdmin.actions.edit')}
                      </Button>
                      <Popconfirm
                        title={t('reportingAdmin.actions.confirmDelete', { code: r.code })}
                        onConfirm={() =>
                          remove.mutate(r.code, {
                            onSuccess: () => void message.success(t('reportingAdmin.actions.deleted')),
                            onError: notify,
                          })
                        }
                      >
                        <Button type="link" size="small" danger data-testid={`rule-delete-${r.code}`}>
                          {t('reportingAdmin.actions.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RuleDrawer open={drawer !== null} editing={drawer?.editing ?? null} onClose={() => setDrawer(null)} />
    </Flex>
  );
}
