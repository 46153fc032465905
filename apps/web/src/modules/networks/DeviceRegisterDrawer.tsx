import { DEVICE_KINDS, type DeviceWithSecret, type RegisterDevice } from '@suilian/contracts';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { useRegisterDevice } from './hooks';

/** Registers a device on the network, then shows its secret once (issue #14 item 2). */
export function DeviceRegisterDrawer({ networkId, open, onClose }: { networkId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterDevice>();
  const register = useRegisterDevice(networkId);
  const [issued, setIssued] = useState<DeviceWithSecret | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    const result = await register.mutateAsync(values);
    form.resetFields();
    onClose();
    setIssued(result);
  };
  return (
    <>
      <RecordDrawer
        open={open}
        onClose={onClose}
        title={t('telemetry.registerTitle')}
        size={480}
        testId="device-register"
        onSubmit={() => void submit().catch(() => undefined)}
        submitting={register.isPending}
        error={register.error}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'sensor', inactivitySeconds: 300 }}>
          <Form.Item
            name="deviceKey"
            label={t('telemetry.fields.deviceKey')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/ }]}
          >
            <Input placeholder="agv-01" />
          </Form.Item>
          <Form.Item name="name" label={t('telemetry.fields.name')} rules={[{ required: true, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('telemetry.fields.kind')} rules={[{ required: true }]}>
            <Select options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`telemetry.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="inactivitySeconds" label={t('telemetry.fields.inactivitySeconds')} rules={[{ required: true }]}>
            <InputNumber min={1} max={86_400} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </RecordDrawer>
      <Modal
        open={issued !== null}
        title={t('telemetry.secretTitle')}
        closable={false}
        footer={
          <Button type="primary" onClick={() => setIssued(null)}>
            {t('telemetry.secretDone')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('telemetry.secretHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>
          {t('telemetry.fields.deviceKey')}: <Typography.Text code>{issued?.device.deviceKey}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: issued?.secret ?? '' }} data-testid="device-secret">
          <Typography.Text code>{issued?.secret}</Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
