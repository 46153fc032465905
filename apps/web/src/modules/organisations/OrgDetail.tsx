import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Organisation } from '@suilian/contracts';
import { Button, Card, Descriptions, type DescriptionsProps, Empty, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useDistricts, useOrganisation } from './hooks';
import { OrgFormDrawer, useWritableKinds } from './OrgFormDrawer';

interface Props {
  id: string | undefined;
  /** Start creating an organisation under this one. */
  onCreateUnder?(org: Organisation): void;
  bordered?: boolean;
}

/** Details of one organisation, with edit (latest version from the server). */
export function OrgDetail({ id, onCreateUnder, bordered = true }: Props) {
  const { t } = useTranslation();
  const { data: org, isPending, error } = useOrganisation(id);
  const districts = useDistricts();
  const writable = useWritableKinds();
  const [editing, setEditing] = useState(false);

  if (!id) {
    return (
      <Card variant={bordered ? 'outlined' : 'borderless'}>
        <Empty description={t('orgs.selectHint')} />
      </Card>
    );
  }
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !org) return <Spin />;

  const districtName = districts.data?.find((d) => d.id === org.districtId)?.name;
  const text = (value: string | null | undefined) => value || t('common.none');
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('fields.kind'), children: t(`orgKinds.${org.kind}`) },
    { key: 'nameEn', label: t('fields.nameEn'), children: text(org.nameEn) },
  ];
  if (org.districtId && org.kind !== 'district') {
    items.push({ key: 'district', label: t('orgs.district'), children: text(districtName) });
  }
  if (org.kind === 'district' || org.divisionCode) {
    items.push({ key: 'divisionCode', label: t('fields.divisionCode'), children: text(org.divisionCode) });
  }
  if (org.kind === 'enterprise' || org.kind === 'provider') {
    items.push({
      key: 'creditCode',
      label: t('fields.creditCode'),
      children: <span style={{ fontFamily: 'monospace' }}>{text(org.creditCode)}</span>,
    });
  }
  if (org.kind === 'provider') {
    items.push({
      key: 'providerType',
      label: t('fields.providerType'),
      children: org.providerType ? t(`providerTypes.${org.providerType}`) : t('common.none'),
    });
  }
  items.push(
    { key: 'address', label: t('fields.address'), children: text(org.address), span: 2 },
    { key: 'contactName', label: t('fields.contactName'), children: text(org.contactName) },
    { key: 'contactPhone', label: t('fields.contactPhone'), children: text(org.contactPhone) },
    { key: 'createdAt', label: t('fields.createdAt'), children: formatDateTime(org.createdAt) },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(org.updatedAt) },
  );

  const canCreateUnder =
    onCreateUnder && writable.length > 0 && (org.kind === 'city' || (org.kind === 'district' && writable.includes('enterprise')));
  return (
    <Card
      variant={bordered ? 'outlined' : 'borderless'}
      data-testid="org-detail"
      title={
        <Space>
          {org.name}
          {org.isDemo && <Tag color="gold">{t('orgs.demo')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {canCreateUnder && (
            <Button icon={<PlusOutlined />} onClick={() => onCreateUnder(org)} data-testid="org-create-under">
              {t('common.create')}
            </Button>
          )}
          {writable.includes(org.kind) && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="org-edit">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions column={2} items={items} size="small" bordered />
      <OrgFormDrawer mode={editing ? { type: 'edit', org } : null} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </Card>
  );
}
