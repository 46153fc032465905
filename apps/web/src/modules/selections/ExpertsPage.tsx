import { EditOutlined } from '@ant-design/icons';
import type { Expert } from '@suilian/contracts';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DistrictSelect, useDistricts } from '../../shared/districts';
import { ApiErrorAlert, applyFormErrors } from '../../shared/errors';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useExperts, useSetExpertProfile } from './hooks';

interface Values {
  affiliationOrgId?: string | null;
  districtId?: string | null;
  specialties?: string | null;
}

function ExpertDrawer({ expert, onClose }: { expert: Expert | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetExpertProfile();
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <RecordDrawer
      open={expert !== null}
      onClose={close}
      title={expert ? t('experts.editTitle', { name: expert.displayName }) : ''}
      size={520}
      testId="expert-drawer"
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      submitTestId="expert-submit"
      error={save.error}
    >
      <Alert type="info" showIcon title={t('experts.hint')} style={{ marginBottom: 16 }} />
      {expert && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ affiliationOrgId: expert.affiliationOrgId, districtId: expert.districtId, specialties: expert.specialties }}
          onFinish={(v) =>
            save.mutate(
              {
                userId: expert.userId,
                body: {
                  affiliationOrgId: v.affiliationOrgId ?? null,
                  districtId: v.districtId ?? null,
                  specialties: v.specialties?.trim() || null,
                },
              },
              {
                onSuccess: () => {
                  void message.success(t('common.saved'));
                  close();
                },
                onError: (error) => applyFormErrors(form, error, t),
              },
            )
          }
        >
          <Form.Item name="affiliationOrgId" label={t('experts.affiliation')} extra={t('experts.affiliationHint')}>
            <OrgSelect kinds={['enterprise', 'provider']} allowClear data-testid="expert-affiliation" />
          </Form.Item>
          <Form.Item name="districtId" label={t('experts.district')} extra={t('experts.districtHint')}>
            <DistrictSelect allowClear data-testid="expert-district" />
          </Form.Item>
          <Form.Item name="specialties" label={t('experts.specialties')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} placeholder={t('experts.specialtiesPlaceholder')} data-testid="expert-specialties" />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}

/** 评审专家库: each expert's affiliation and district, which decide whom they must not review. */
export default function ExpertsPage() {
  const { t } = useTranslation();
  const { data, isFetching, error } = useExperts();
  const districts = useDistricts();
  const [editing, setEditing] = useState<Expert | null>(null);
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.id, d.name])), [districts.data]);
  return (
    <Card title={t('experts.title')} extra={<Typography.Text type="secondary">{t('experts.subtitle')}</Typography.Text>}>
      <Flex vertical gap={16}>
        {error && <ApiErrorAlert error={error} />}
        <Table<Expert>
          rowKey="userId"
          dataSource={data}
          loading={isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="experts-table"
          locale={{
            emptyText: (
              <Empty
                description={
                  <span>
                    {t('experts.empty')} <Link to="/system/users">{t('menu.users')}</Link>
                  </span>
                }
              />
            ),
          }}
          columns={[
            {
              title: t('fields.displayName'),
              key: 'name',
              render: (_v, e) => (
                <Flex vertical>
                  <Typography.Text strong>{e.displayName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.username}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('experts.affiliation'),
              dataIndex: 'affiliationName',
              key: 'affiliationName',
              render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('experts.none')}</Typography.Text>,
            },
            {
              title: t('experts.district'),
              dataIndex: 'districtId',
              key: 'districtId',
              render: (v: string | null) =>
                v ? (districtName.get(v) ?? '…') : <Typography.Text type="secondary">{t('experts.none')}</Typography.Text>,
            },
            { title: t('experts.specialties'), dataIndex: 'specialties', key: 'specialties', render: (v: string | null) => v || '—' },
            {
              key: 'actions',
              width: 80,
              render: (_v, e) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} data-testid={`expert-edit-${e.username}`}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
      <ExpertDrawer expert={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
