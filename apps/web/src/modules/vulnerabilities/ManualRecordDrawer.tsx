import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CNVD_ID, type ManualVulnerabilityInput, VULN_GRADES } from '@suilian/contracts';
import { App, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useManualRecord } from './hooks';

interface Values extends Omit<ManualVulnerabilityInput, 'publishedAt'> {
  publishedAt: Dayjs;
}

const PRODUCT_STATUSES = ['known_affected', 'fixed', 'known_not_affected'] as const;

/** An analyst enters a CNVD / CICSVD record by hand (Chinese fields); the server recomputes the score and matches it. */
export function ManualRecordDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useManualRecord();
  const [error, setError] = useState<unknown>(null);
  const m = (key: string) => t(`vulnerabilities.manual.${key}` as 'vulnerabilities.manual.title');
  const submit = (v: Values) => {
    setError(null);
    const body: ManualVulnerabilityInput = {
      ...v,
      cve: v.cve?.trim() || null,
      cvssVector: v.cvssVector?.trim() || null,
      solutionZh: v.solutionZh?.trim() || null,
      grade: v.grade ?? null,
      publishedAt: v.publishedAt.format('YYYY-MM-DD'),
      products: v.products.map((p) => ({ ...p, models: p.models ?? [] })),
    };
    save.mutate(body, {
      onSuccess: (o) => {
        void message.success(t('vulnerabilities.manual.saved', { id: o.trackingId }));
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        if (!applyFormErrors(form, e, t)) setError(e);
      },
    });
  };
  return (
    <RecordDrawer
      open={open}
      onClose={onClose}
      title={m('title')}
      size={720}
      testId="manual-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="manual-submit"
      submitLabel={t('vulnerabilities.common.save')}
    >
      {error !== null && <ApiErrorAlert error={error} showReason style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ products: [{ vendor: '', product: '', models: [], versions: '', status: 'known_affected' }] }}
      >
        <Space.Compact block>
          <Form.Item
            name="id"
            label={m('id')}
            style={{ width: '50%' }}
            rules={[{ required: true }, { pattern: CNVD_ID, message: m('idRule') }]}
          >
            <Input placeholder={m('idHint')} data-testid="manual-id" />
          </Form.Item>
          <Form.Item
            name="cve"
            label={m('cve')}
            style={{ width: '50%' }}
            rules={[{ pattern: /^CVE-\d{4}-\d{4,}$/, message: m('cveRule') }]}
          >
            <Input placeholder="CVE-2024-12345" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="titleZh" label={m('titleZh')} rules={[{ required: true, max: 300 }]}>
          <Input data-testid="manual-title" />
        </Form.Item>
        <Form.Item name="descriptionZh" label={m('descriptionZh')} rules={[{ required: true, max: 8000 }]}>
          <Input.TextArea rows={4} data-testid="manual-description" />
        </Form.Item>
        <Form.Item name="solutionZh" label={m('solutionZh')} rules={[{ max: 8000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="cvssVector" label={m('cvssVector')} extra={m('cvssHint')}>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="grade" label={m('grade')} style={{ width: '50%' }}>
            <Select allowClear options={VULN_GRADES.map((g) => ({ value: g, label: t(`vulnerabilities.grades.${g}`) }))} />
          </Form.Item>
          <Form.Item name="publishedAt" label={m('publishedAt')} style={{ width: '50%' }} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="manual-published" />
          </Form.Item>
        </Space.Compact>
        <Form.List name="products">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title={m('products')}
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ status: 'known_affected', models: [] })}>
                  {m('addProduct')}
                </Button>
              }
            >
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'vendor']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('vulnerabilities.detail.vendor')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'product']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('vulnerabilities.detail.product')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'models']} noStyle>
                    <Select mode="tags" placeholder={m('models')} style={{ width: 150 }} open={false} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'versions']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={m('versionsHint')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'status']} noStyle>
                    <Select
                      style={{ width: 100 }}
                      options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`vulnerabilities.productStatus.${s}`) }))}
                    />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Space>
              ))}
            </Card>
          )}
        </Form.List>
      </Form>
    </RecordDrawer>
  );
}
