import { SettingOutlined } from '@ant-design/icons';
import { type SlaPolicy, VULN_GRADES } from '@suilian/contracts';
import { App, Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { saveSlaPolicy, useInvalidateSecurity, useSlaPolicy } from './hooks';

/** Days to remediate by grade (analysts); a change applies to findings detected from then on. */
export function SlaSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateSecurity();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SlaPolicy>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const current = useSlaPolicy(open);
  const save = (v: SlaPolicy) => {
    setSaving(true);
    setError(null);
    saveSlaPolicy(v)
      .then(() => {
        void message.success(t('vulnerabilities.common.saved'));
        void invalidate();
        setOpen(false);
      }, setError)
      .finally(() => setSaving(false));
  };
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="sla-open">
        {t('vulnerabilities.findings.slaSettings')}
      </Button>
      <Modal
        open={open}
        title={t('vulnerabilities.findings.slaSettings')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: saving, disabled: !current.data }}
        destroyOnHidden
      >
        {(error ?? current.error) && <ApiErrorAlert error={error ?? current.error} showReason style={{ marginBottom: 12 }} />}
        {current.data && (
          <Form<SlaPolicy> form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={current.data} onFinish={save}>
            {VULN_GRADES.map((g) => (
              <Form.Item key={g} name={g} label={t(`vulnerabilities.grades.${g}`)} rules={[{ required: true }]}>
                <InputNumber min={1} max={3650} precision={0} suffix={t('vulnerabilities.findings.daysUnit')} style={{ width: 160 }} />
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
