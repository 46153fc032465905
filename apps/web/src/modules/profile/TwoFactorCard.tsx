import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../session/auth';
import { ApiErrorAlert } from '../../shared/errors';
import { RecoveryCodes } from './RecoveryCodes';
import { useDisableTwoFactor, useRegenerateRecoveryCodes, useTwoFactorStatus } from './twoFactorHooks';

type Reauth = 'regenerate' | 'disable';

/** 个人中心's second factor: state, new recovery codes, turning it on or (when the role allows) off. */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const status = useTwoFactorStatus();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const [asking, setAsking] = useState<Reauth | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  const state = status.data;
  const pending = asking === 'regenerate' ? regenerate : disable;

  const submit = ({ password }: { password: string }) => {
    if (asking === 'regenerate')
      regenerate.mutate(password, {
        onSuccess: (result) => {
          setAsking(null);
          setCodes(result.recoveryCodes);
        },
      });
    else
      disable.mutate(password, {
        onSuccess: () => {
          setAsking(null);
          void message.success(t('twoFactor.turnedOff'));
        },
      });
  };

  return (
    <Card title={t('twoFactor.status')} data-testid="profile-two-factor">
      <ApiErrorAlert error={status.error} />
      {state && (
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'state',
              label: t('twoFactor.status'),
              children: (
                <Space size={4}>
                  <Tag color={state.enabled ? 'green' : 'default'} data-testid="two-factor-state">
                    {state.enabled ? t('twoFactor.enabled') : t('twoFactor.disabled')}
                  </Tag>
                  {state.required && <Tag color="blue">{t('twoFactor.requiredByRole')}</Tag>}
                </Space>
              ),
            },
            { key: 'at', label: t('twoFactor.enabledAt'), children: state.enabledAt ? new Date(state.enabledAt).toLocaleString() : '—' },
            { key: 'left', label: t('twoFactor.recoveryLeft'), children: state.enabled ? state.recoveryCodesLeft : '—' },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {state && !state.enabled && (
          <Button type="primary" onClick={() => navigate('/two-factor')} data-testid="two-factor-enrol">
            {t('twoFactor.enrol')}
          </Button>
        )}
        {state?.enabled && (
          <Button onClick={() => setAsking('regenerate')} data-testid="two-factor-regenerate">
            {t('twoFactor.regenerate')}
          </Button>
        )}
        {state?.enabled && !state.required && (
          <Button danger onClick={() => setAsking('disable')} data-testid="two-factor-disable">
            {t('twoFactor.turnOff')}
          </Button>
        )}
      </Space>
      {codes && (
        <div style={{ marginTop: 16 }}>
          <RecoveryCodes codes={codes} username={me.username} />
        </div>
      )}
      <Modal
        open={asking !== null}
        title={asking === 'disable' ? t('twoFactor.turnOff') : t('twoFactor.regenerate')}
        okButtonProps={{ danger: asking === 'disable', loading: pending.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <p>{t('twoFactor.reauthHint')}</p>
        <ApiErrorAlert error={pending.error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="password" label={t('twoFactor.password')} rules={[{ required: true, message: t('twoFactor.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="two-factor-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
