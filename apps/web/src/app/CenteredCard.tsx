import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocaleSwitch } from '../shared/LocaleSwitch';

/** The frame of the pages outside the shell (login, forced password change). */
export function CenteredCard({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: 'linear-gradient(160deg, #0b2e6b 0%, #1456c8 60%, #3a7be0 100%)' }}
    >
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 4 }}>
        {t('app.name')}
      </Typography.Title>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', marginBottom: 24 }}>{t('app.subtitle')}</Typography.Text>
      <Card
        title={title}
        extra={
          <Flex gap={8} align="center">
            {extra}
            <LocaleSwitch />
          </Flex>
        }
        style={{ width: 'min(420px, 100%)' }}
      >
        {children}
      </Card>
    </Flex>
  );
}
