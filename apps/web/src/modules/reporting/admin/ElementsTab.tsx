import { type DataElement, type DataElementInput, DataElementInputSchema } from '@suilian/contracts';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../session/locale';
import { ApiErrorAlert, applyFormErrors, useNotifyError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { RecordDrawer } from '../../../shared/frame/RecordDrawer';
import { schemaRule } from '../../../shared/rules';
import { useDataElements, useDataSetConfigs, useDeleteDefinition, useSaveDefinition } from './hooks';
import { useInitialValues, useRequired } from './required';

const VALUE_TYPES = ['integer', 'number', 'percentage', 'boolean', 'text'] as const;

function ElementDrawer({ editing, open, onClose }: { editing: DataElement | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DataElementInput>();
  const save = useSaveDefinition('element');
  const close = () => {
    save.reset();
    onClose();
  };
  const required = useRequired();
  const initial = editing ?? { valueType: 'integer' as const, aggregation: 'LAST' as const, unit: '' };
  useInitialValues(form, open, initial);
  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={
        editing
          ? `${t('reportingAdmin.actions.edit')} · ${editing.code}`
          : `${t('reportingAdmin.actions.add')} · ${t('reportingAdmin.tabs.elements')}`
      }
      size={480}
      testId="element-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="element-submit"
      error={save.error}
      showReason
    >
      {open && (
        <Form<DataElementInput>
          key={editing?.code ?? 'new'}
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initial}
          onFinish={(v) =>
            save.mutate(
              {
                code: editing?.code,
                // only the input fields: the edited row also carries usage counts the API does not take
                body: {
                  code: editing?.code ?? v.code,
                  nameZh: v.nameZh,
                  nameEn: v.nameEn,
                  valueType: v.valueType,
                  aggregation: v.aggregation,
                  unit: v.unit ?? '',
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
            rules={editing ? [] : [required('code'), schemaRule(DataElementInputSchema.shape.code, t('reportingAdmin.hints.code'))]}
          >
            <Input disabled={Boolean(editing)} style={{ fontFamily: 'monospace' }} data-testid="element-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('reportingAdmin.field.nameZh')} rules={[required('nameZh')]}>
            <Input maxLength={200} data-testid="element-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('reportingAdmin.field.nameEn')} rules={[required('nameEn')]}>
            <Input maxLength={200} data-testid="element-nameEn" />
          </Form.Item>
          <Form.Item
            name="valueType"
            label={t('reportingAdmin.field.valueType')}
            extra={editing && editing.valueCount > 0 ? t('reportingAdmin.hints.valueTypeLocked', { n: editing.valueCount }) : undefined}
          >
            <Select
              disabled={Boolean(editing && editing.valueCount > 0)}
              options={VALUE_TYPES.map((v) => ({ value: v, label: t(`reportingAdmin.valueTypes.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="aggregation" label={t('reportingAdmin.field.aggregation')}>
            <Select options={(['LAST', 'SUM'] as const).map((v) => ({ value: v, label: t(`reportingAdmin.aggregations.${v}`) }))} />
          </Form.Item>
          <Form.Item name="unit" label={t('reportingAdmin.field.unit')}>
            <Input maxLength={20} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="description" label={t('reportingAdmin.field.description')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}

/** 数据元: every data element with its type, aggregation and where it is used. */
export function ElementsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const elements = useDataElements();
  // Data sets by name, not code (DISTRICT_MONTHLY → 区级月报; issue #12 item 3).
  const sets = useDataSetConfigs();
  const setName = (code: string) => {
    const set = sets.data?.find((s) => s.code === code);
    return set ? (locale === 'zh-CN' ? set.nameZh : set.nameEn) : code;
  };
  const remove = useDeleteDefinition('element');
  const [search, setSearch] = useState('');
  const [drawer, setDrawer] = useState<{ editing: DataElement | null } | null>(null);
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (elements.data ?? []).filter((e) => !q || [e.code, e.nameZh, e.nameEn].some((s) => s.toLowerCase().includes(q)));
  }, [elements.data, search]);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Input.Search allowClear placeholder={t('reportingAdmin.search')} onSearch={setSearch} style={{ width: 280 }} />
        {canEdit && (
          <Button type="primary" onClick={() => setDrawer({ editing: null })} data-testid="element-add">
            {t('reportingAdmin.actions.add')}
          </Button>
        )}
      </Flex>
      {elements.error && <ApiErrorAlert error={elements.error} />}
      <Table<DataElement>
        size="small"
        rowKey="code"
        loading={elements.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="element-table"
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
          { title: t('reportingAdmin.field.nameZh'), key: 'name', render: (_, e) => (locale === 'zh-CN' ? e.nameZh : e.nameEn) },
          {
            title: t('reportingAdmin.field.valueType'),
            dataIndex: 'valueType',
            filters: VALUE_TYPES.map((v) => ({ value: v, text: t(`reportingAdmin.valueTypes.${v}`) })),
            onFilter: (v, e) => e.valueType === v,
            render: (v: DataElement['valueType']) => t(`reportingAdmin.valueTypes.${v}`),
          },
          {
            title: t('reportingAdmin.field.aggregation'),
            dataIndex: 'aggregation',
            filters: (['LAST', 'SUM'] as const).map((v) => ({ value: v, text: t(`reportingAdmin.aggregations.${v}`) })),
            onFilter: (v, e) => e.aggregation === v,
            render: (v: DataElement['aggregation']) => <Tag>{t(`reportingAdmin.aggregations.${v}`)}</Tag>,
          },
          { title: t('reportingAdmin.field.unit'), dataIndex: 'unit', width: 64 },
          {
            title: t('reportingAdmin.field.usage'),
            key: 'usage',
            render: (_, e) =>
              e.valueCount === 0 && e.dataSets.length === 0
                ? t('reportingAdmin.hints.noUsage')
                : t('reportingAdmin.hints.usage', { values: e.valueCount, sets: e.dataSets.map(setName).join('、') || '—' }),
          },
          { title: t('reportingAdmin.field.updatedAt'), dataIndex: 'updatedAt', render: (d: string) => formatDateTime(d) },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, e: DataElement) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDrawer({ editing: e })} data-testid={`element-edit-${e.code}`}>
                        {t('reportingAdmin.actions.edit')}
                      </Button>
                      <Popconfirm
                        title={t('reportingAdmin.actions.confirmDelete', { code: e.code })}
                        onConfirm={() =>
                          remove.mutate(e.code, {
                            onSuccess: () => void message.success(t('reportingAdmin.actions.deleted')),
                            onError: notify,
                          })
                        }
                      >
                        <Button type="link" size="small" danger data-testid={`element-delete-${e.code}`}>
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
      <ElementDrawer open={drawer !== null} editing={drawer?.editing ?? null} onClose={() => setDrawer(null)} />
    </Flex>
  );
}
