import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type CreateTemplate, type HandleTemplate, TEMPLATE_ITEM_TYPES, type TemplateItem } from '@suilian/contracts';
import { App, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeNames } from '../../shared/codeLists';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { applyHandleIssues } from './formIssues';
import { useCreateTemplate } from './hooks';
import { cleanTemplateItem, industryDivision } from './logic';

/** What the editor opens with: a new template, or a new version of an existing one (its items copied). */
export type TemplateEditorMode = { prefix: string; base?: HandleTemplate };

const INDUSTRY_CLASS = /^[A-T]\d{2,4}$/;
/** Item names become value types: a letter first, and never URL or HS_* (Handle's own types). */
const ITEM_NAME_RULES = [
  { required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{0,63}$/ },
  {
    validator: (_: unknown, v: unknown) =>
      typeof v === 'string' && /^(url$|hs_)/i.test(v) ? Promise.reject(new Error('reserved')) : Promise.resolve(),
  },
];

/** The limit inputs of one item, by its type. */
function Limits({ field, type }: { field: number; type: TemplateItem['type'] }) {
  const { t } = useTranslation();
  const num = (key: string, width = 90) => (
    <Form.Item name={[field, key]} noStyle>
      <InputNumber placeholder={t(`handles.template.limits.${key as 'min'}`)} style={{ width }} />
    </Form.Item>
  );
  const text = (key: string, width = 120) => (
    <Form.Item name={[field, key]} noStyle>
      <Input placeholder={t(`handles.template.limits.${key as 'min'}`)} style={{ width }} />
    </Form.Item>
  );
  switch (type) {
    case 'number':
      return <Space>{[num('min'), num('max')]}</Space>;
    case 'date':
      return <Space>{[text('minDate'), text('maxDate')]}</Space>;
    case 'enum':
      return (
        <Form.Item name={[field, 'options']} noStyle>
          <Select mode="tags" open={false} placeholder={t('handles.template.limits.options')} style={{ width: 260 }} />
        </Form.Item>
      );
    case 'url':
      return <Space>{[num('minLength'), num('maxLength')]}</Space>;
    default:
      return <Space>{[num('minLength'), num('maxLength'), text('pattern', 140)]}</Space>;
  }
}

/** 模板编辑: an industry class, a name and a table of items; saving writes a new version. */
export function TemplateEditorDrawer({ mode, onClose }: { mode: TemplateEditorMode | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateTemplate>();
  const create = useCreateTemplate(mode?.prefix);
  const industryName = useCodeNames('industry');
  const industryCode = Form.useWatch('industryCode', form);

  useEffect(() => {
    if (!mode) return;
    create.reset();
    form.resetFields();
    if (mode.base) form.setFieldsValue({ industryCode: mode.base.industryCode, name: mode.base.name, items: mode.base.items });
    else form.setFieldsValue({ items: [{ name: '', label: '', type: 'string', required: true }] as TemplateItem[] });
  }, [mode, form, create.reset]);

  const submit = (values: CreateTemplate) =>
    create.mutate(
      {
        industryCode: values.industryCode.trim(),
        name: values.name.trim(),
        items: values.items.map((i) => cleanTemplateItem(i) as TemplateItem),
      },
      {
        onSuccess: (tpl) => {
          void message.success(t('handles.template.saved', { code: tpl.industryCode, version: tpl.version }));
          onClose();
        },
        onError: (error) => applyHandleIssues(form, error, t),
      },
    );

  const division = industryCode ? industryDivision(industryCode) : '';
  return (
    <RecordDrawer
      open={mode !== null}
      onClose={onClose}
      title={
        mode?.base
          ? t('handles.template.newVersionOf', { code: mode.base.industryCode, version: mode.base.version + 1 })
          : t('handles.template.create')
      }
      size={1100}
      testId="template-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending}
      submitTestId="template-submit"
      error={create.error}
      showReason
    >
      <Form<CreateTemplate> form={form} layout="vertical" onFinish={submit}>
        <Space align="start" size="large" wrap>
          <Form.Item
            name="industryCode"
            label={t('handles.template.industryCode')}
            rules={[
              { required: true, message: t('handles.template.industryRequired') },
              { pattern: INDUSTRY_CLASS, message: t('handles.template.industryRule') },
            ]}
            extra={division ? industryName(division) : t('handles.template.industryHint')}
          >
            <Input disabled={mode?.base !== undefined} placeholder="C3831" style={{ width: 200 }} data-testid="template-industry" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('handles.template.name')}
            rules={[{ required: true, whitespace: true, message: t('handles.template.nameRequired') }]}
          >
            <Input style={{ width: 360 }} data-testid="template-name" />
          </Form.Item>
        </Space>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              <Typography.Paragraph type="secondary">{t('handles.template.itemNameHint')}</Typography.Paragraph>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={fields}
                scroll={{ x: 'max-content' }}
                data-testid="template-items"
                columns={[
                  {
                    title: t('handles.template.itemName'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'name']} noStyle rules={ITEM_NAME_RULES}>
                        <Input placeholder="serialNo" style={{ width: 150 }} data-testid={`item-name-${f.name}`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('handles.template.itemLabel'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'label']} noStyle rules={[{ required: true, whitespace: true }]}>
                        <Input placeholder="序列号" style={{ width: 150 }} data-testid={`item-label-${f.name}`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('handles.template.itemType'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'type']} noStyle>
                        <Select
                          options={TEMPLATE_ITEM_TYPES.map((type) => ({ value: type, label: t(`handles.template.types.${type}`) }))}
                          style={{ width: 110 }}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('handles.template.required'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'required']} noStyle valuePropName="checked">
                        <Switch size="small" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('handles.template.limitsTitle'),
                    render: (_, f) => (
                      <Form.Item noStyle shouldUpdate>
                        {({ getFieldValue }) => <Limits field={f.name} type={getFieldValue(['items', f.name, 'type']) ?? 'string'} />}
                      </Form.Item>
                    ),
                  },
                  {
                    render: (_, f) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={fields.length <= 1}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.delete')}
                      />
                    ),
                  },
                ]}
              />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => add({ name: '', label: '', type: 'string', required: false })}
              >
                {t('handles.template.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </RecordDrawer>
  );
}
