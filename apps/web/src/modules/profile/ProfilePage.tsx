import { Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../session/auth';
import { PasswordChangeForm } from './PasswordChangeForm';
import { ProfileForm } from './ProfileForm';
import { TwoFactorCard } from './TwoFactorCard';

export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const kind = me.orgKind as 'city' | 'district' | 'enterprise' | 'provider' | 'expert_pool' | 'bank';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('profile.account')} data-testid="profile-account">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'username', label: t('fields.username'), children: me.username },
            { key: 'role', label: t('fields.role'), children: t(`roles.${me.role}`) },
            { key: 'org', label: t('fields.org'), children: me.orgName },
            { key: 'orgKind', label: t('profile.orgKind'), children: t(`orgKinds.${kind}`, { defaultValue: me.orgKind }) },
            {
              key: 'permissions',
              label: t('profile.permissions'),
              span: 2,
              children: (
                <Space size={[4, 4]} wrap>
                  {me.permissions.map((p) => (
                    <Tag key={p}>{t(`permissions.${p}`, { defaultValue: p })}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.edit')} style={{ height: '100%' }}>
            <ProfileForm key={me.version} me={me} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.changePassword')} style={{ height: '100%' }}>
            <PasswordChangeForm username={me.username} />
          </Card>
        </Col>
      </Row>
      {me.via === 'session' && <TwoFactorCard />}
    </Space>
  );
}
