import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type DataSetConfig, type DataSetInput, DataSetInputSchema } from '@suilian/contracts';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../session/locale';
import { ApiErrorAlert, applyFormErrors, useNotifyError } from '../../../shared/errors';
import { RecordDrawer } from '../../../shared/frame/RecordDrawer';
import { schemaRule } from '../../../shared/rules';
import { useDataElements, useDataSetConfigs, useDeleteDefinition, useSaveDefinition } from './hooks';
import { useInitialValues, useRequired } from './required';

type Values = Omit<DataSetInput, 'inputWindow'> & { windowOn?: boolean; openAfterDays?: number; closeAfterDays?: number };

function DataSetDrawer({ editing, open, onClose }: { editing: DataSetConfig | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const required = useRequired();
  const [form] = Form.useForm<Values>();
  const windowOn = Form.useWatch('windowOn', form);
  const elements = useDataElements();
  const save = useSaveDefinition('dataSet');
  const close = () => {
    save.reset();
    onClose();
  };
  const initial: Partial<Values> = editing
    ? {
        ...editing,
        windowOn: editing.inputWindow !== null,
        openAfterDays: editing.inputWindow?.openAfterDays ?? 1,
        closeAfterDays: editing.inputWindow?.closeAfterDays ?? 15,
      }
    : {
        periodType: 'monthly',
        openFuturePeriods: 0,
        expiryDays: 15,
        sections: [{ name: '', elements: [] }],
        openAfterDays: 1,
        closeAfterDays: 15,
      };
  useInitialValues(form, open, initial);
  const submit = (v: Values) => {
    const body: DataSetInput = {
      code: editing?.code ?? v.code,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      periodType: v.periodType,
      openFuturePeriods: v.openFuturePeriods,
      expiryDays: v.expiryDays,
      inputWindow: v.windowOn ? { openAfterDays: v.openAfterDays ?? 0, closeAfterDays: v.closeAfterDays ?? 0 } : null,
      sections: v.sections,
    };
    save.mutate(
      { code: editing?.code, body },
      {
        onSuccess: () => {
          void message.success(t('reportingAdmin.actions.saved'));
          close();
        },
        onError: (error) => applyFormErrors(form, error, t),
      },
    );
  };
  return (
    <RecordDrawer
      open={open}
      onClose={close}
      title={
        editing
          ? `${t('reportingAdmin.actions.edit')} · ${editing.code}`
          : `${t('reportingAdmin.actions.add')} · ${t('reportingAdmin.tabs.dataSets')}`
      }
      size={640}
      testId="data-set-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="data-set-submit"
      error={save.error}
      showReason
    >
      {open && (
        <Form<Values> key={editing?.code ?? 'new'} form={form} layout="vertical" preserve={false} initialValues={initial} onFinish={submit}>
          <Form.Item
            name="code"
            label={t('reportingAdmin.field.code')}
            extra={t('reportingAdmin.hints.code')}
            rules={editing ? [] : [required('code'), schemaRule(DataSetInputSchema.shape.code, t('reportingAdmin.hints.code'))]}
          >
            <Input disabled={Boolean(editing)} style={{ fontFamily: 'monospace' }} data-testid="data-set-code" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="nameZh" label={t('reportingAdmin.field.nameZh')} rules={[required('nameZh')]} style={{ flex: 1 }}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('reportingAdmin.field.nameEn')} rules={[required('nameEn')]} style={{ flex: 1 }}>
              <Input maxLength={200} />
            </Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="periodType" label={t('reportingAdmin.field.periodType')}>
              <Select
                style={{ width: 120 }}
                options={(['monthly', 'quarterly', 'yearly'] as const).map((v) => ({
                  value: v,
                  label: t(`reportingAdmin.periodTypes.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="openFuturePeriods"
              label={t('reportingAdmin.field.openFuturePeriods')}
              tooltip={t('reportingAdmin.hints.openFuturePeriods')}
            >
              <InputNumber min={0} max={12} precision={0} />
            </Form.Item>
            <Form.Item name="expiryDays" label={t('reportingAdmin.field.expiryDays')} tooltip={t('reportingAdmin.hints.expiryDays')}>
              <InputNumber min={0} max={3660} precision={0} />
            </Form.Item>
          </Flex>
          <Form.Item name="windowOn" valuePropName="checked" extra={t('reportingAdmin.hints.inputWindow')}>
            <Checkbox>{t('reportingAdmin.enableWindow')}</Checkbox>
          </Form.Item>
          {windowOn && (
            <Flex gap={12}>
              <Form.Item name="openAfterDays" label={t('reportingAdmin.field.openAfterDays')}>
                <InputNumber min={-366} max={366} precision={0} />
              </Form.Item>
              <Form.Item name="closeAfterDays" label={t('reportingAdmin.field.closeAfterDays')}>
                <InputNumber min={-366} max={3660} precision={0} />
              </Form.Item>
            </Flex>
          )}
          <Typography.Text strong>{t('reportingAdmin.field.sections')}</Typography.Text>
          <Form.List name="sections">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginTop: 8 }}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, 'name']} rules={[required('sectionName')]} style={{ width: 160, marginBottom: 0 }}>
                      <Input placeholder={t('reportingAdmin.field.sectionName')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'elements']}
                      rules={[
                        {
                          required: true,
                          type: 'array',
                          min: 1,
                          message: t('rules.requiredSelect', { field: t('reportingAdmin.field.elements') }),
                        },
                      ]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Select
                        mode="multiple"
                        placeholder={t('reportingAdmin.field.elements')}
                        showSearch={{ optionFilterProp: 'label' }}
                        options={(elements.data ?? []).map((e) => ({
                          value: e.code,
                          label: `${e.code} ${locale === 'zh-CN' ? e.nameZh : e.nameEn}`,
                        }))}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} type="dashed" onClick={() => add({ name: '', elements: [] })}>
                  {t('reportingAdmin.addSection')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </RecordDrawer>
  );
}

/** 数据集: the forms districts fill, their period type, entry window and elements by section. */
export function DataSetsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const sets = useDataSetConfigs();
  const remove = useDeleteDefinition('dataSet');
  const [drawer, setDrawer] = useState<{ editing: DataSetConfig | null } | null>(null);
  return (
    <Flex vertical gap={12}>
      {canEdit && (
        <Flex justify="end">
          <Button type="primary" onClick={() => setDrawer({ editing: null })} data-testid="data-set-add">
            {t('reportingAdmin.actions.add')}
          </Button>
        </Flex>
      )}
      {sets.error && <ApiErrorAlert error={sets.error} />}
      <Table<DataSetConfig>
        size="small"
        rowKey="code"
        loading={sets.isPending}
        dataSource={sets.data ?? []}
        pagination={false}
        data-testid="data-set-table"
        expandable={{
          expandedRowRender: (s) => (
            <Flex vertical gap={4}>
              {s.sections.map((section) => (
                <div key={section.name}>
                  <Typography.Text strong>{section.name}：</Typography.Text>
                  {section.elements.map((e) => (
                    <Tag key={e}>{e}</Tag>
                  ))}
                </div>
              ))}
            </Flex>
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
          { title: t('reportingAdmin.field.nameZh'), key: 'name', render: (_, s) => (locale === 'zh-CN' ? s.nameZh : s.nameEn) },
          {
            title: t('reportingAdmin.field.periodType'),
            dataIndex: 'periodType',
            render: (v: DataSetConfig['periodType']) => t(`reportingAdmin.periodTypes.${v}`),
          },
          { title: t('reportingAdmin.field.expiryDays'), dataIndex: 'expiryDays' },
          {
            title: t('reportingAdmin.field.inputWindow'),
            key: 'window',
            render: (_, s) => (s.inputWindow ? `+${s.inputWindow.openAfterDays} ~ +${s.inputWindow.closeAfterDays}` : '—'),
          },
          {
            title: t('reportingAdmin.field.elements'),
            key: 'elements',
            render: (_, s) => s.sections.reduce((n, x) => n + x.elements.length, 0),
          },
          { title: t('reportingAdmin.field.rules'), dataIndex: 'ruleCount' },
          { title: t('reportingAdmin.field.forms'), dataIndex: 'formCount' },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, s: DataSetConfig) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDrawer({ editing: s })} data-testid={`data-set-edit-${s.code}`}>
                        {t('reportingAdmin.actions.edit')}
                      </Button>
                      <Popconfirm
                        title={t('reportingAdmin.actions.confirmDelete', { code: s.code })}
                        onConfirm={() =>
                          remove.mutate(s.code, {
                            onSuccess: () => void message.success(t('reportingAdmin.actions.deleted')),
                            onError: notify,
                          })
                        }
                      >
                        <Button type="link" size="small" danger>
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
      <DataSetDrawer open={drawer !== null} editing={drawer?.editing ?? null} onClose={() => setDrawer(null)} />
    </Flex>
  );
}
