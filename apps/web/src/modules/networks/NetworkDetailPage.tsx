import { ArrowLeftOutlined } from '@ant-design/icons';
import { type EdgeNode, NETWORK_STEPS, type Network } from '@suilian/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Row,
  Space,
  Spin,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { DevicesPanel } from './DevicesPanel';
import { useNetwork } from './hooks';
import { NetworkActions } from './NetworkActions';
import { NetworkFormDrawer } from './NetworkFormDrawer';
import { NetworkConfirmationTag, NetworkStateTag } from './NetworkTags';

type Slice = Network['slices'][number];
type Site = Network['sites'][number];

/** One private network: its facts, the lifecycle steps, sites, slices, edge nodes and links; the actions the caller may take. */
export default function NetworkDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { data: network, isPending, error } = useNetwork(id);
  const [editing, setEditing] = useState(false);
  if (error) return <ApiErrorAlert error={error} />;
  if (isPending || !network) return <Spin />;

  const f = (key: keyof typeof import('../../i18n/parts/networks').zhCN.fields) => t(`networks.fields.${key}`);
  const current = NETWORK_STEPS.indexOf(network.state);
  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: f('enterprise'),
      children: <Link to={`/programme/enterprises/${network.enterpriseId}`}>{network.enterpriseName}</Link>,
    },
    { key: 'operator', label: f('operator'), children: network.operatorName },
    { key: 'district', label: f('district'), children: network.districtName },
    { key: 'mode', label: f('mode'), children: t(`networkModes.${network.mode}`) },
    { key: 'bands', label: f('bands'), children: network.bands.map((b) => <Tag key={b}>{b}</Tag>) },
    { key: 'upf', label: f('upfLocation'), children: t(`networks.upf.${network.upfLocation}`) },
    { key: 'inServiceOn', label: f('inServiceOn'), children: formatDate(network.inServiceOn) },
    { key: 'contract', label: f('contract'), children: `${formatDate(network.contractStart)} ~ ${formatDate(network.contractEnd)}` },
    {
      key: 'confirmation',
      label: f('confirmation'),
      span: 2,
      children: (
        <Space wrap>
          <NetworkConfirmationTag state={network.confirmation.state} />
          {network.confirmation.by && (
            <Typography.Text type="secondary">
              {network.confirmation.by} · {formatDateTime(network.confirmation.at)}{' '}
              {network.confirmation.comment ? `· ${network.confirmation.comment}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="network-detail">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/networks')} aria-label={t('networks.back')} />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {network.name}
            </Typography.Title>
            <NetworkStateTag state={network.state} />
          </Space>
        }
        extra={<NetworkActions network={network} onEdit={() => setEditing(true)} />}
      >
        <Steps
          size="small"
          current={current}
          status={network.state === 'retired' ? 'finish' : 'process'}
          items={NETWORK_STEPS.map((s) => ({
            title: t(`networks.states.${s}`),
            content: s === 'in_service' ? formatDate(network.inServiceOn) : s === 'retired' ? formatDate(network.retiredOn) : undefined,
          }))}
          style={{ marginBottom: 16 }}
        />
        {network.confirmation.state !== 'confirmed' && (
          <Alert type="info" showIcon title={t('networks.countsHint')} style={{ marginBottom: 16 }} />
        )}
        <Descriptions column={2} items={items} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }} />
      </Card>
      <Tabs
        data-testid="network-tabs"
        items={[
          {
            key: 'overview',
            label: t('telemetry.overviewTab'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <Card title={f('sites')} size="small">
                    <Table<Site>
                      rowKey={(s) => `${s.districtId}:${s.address}`}
                      size="small"
                      pagination={false}
                      dataSource={network.sites}
                      columns={[
                        { title: f('siteDistrict'), dataIndex: 'districtName', key: 'district', width: 90 },
                        { title: f('address'), dataIndex: 'address', key: 'address' },
                        {
                          title: `${f('longitude')} / ${f('latitude')}`,
                          key: 'coords',
                          render: (_v, s) => (s.longitude !== null && s.latitude !== null ? `${s.longitude}, ${s.latitude}` : '—'),
                        },
                      ]}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={f('slices')} size="small">
                    <Table<Slice>
                      rowKey={(s) => s.snssai + s.name}
                      size="small"
                      pagination={false}
                      dataSource={network.slices}
                      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('networks.noSlices')} /> }}
                      columns={[
                        { title: f('sliceName'), dataIndex: 'name', key: 'name' },
                        {
                          title: f('snssai'),
                          dataIndex: 'snssai',
                          key: 'snssai',
                          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
                        },
                        { title: f('fiveQi'), dataIndex: 'fiveQi', key: 'fiveQi' },
                      ]}
                      data-testid="network-slices"
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={f('edgeNodes')} size="small">
                    <Table<EdgeNode>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={network.edgeNodes}
                      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('networks.noNodes')} /> }}
                      columns={[
                        { title: f('nodeName'), dataIndex: 'name', key: 'name' },
                        { title: f('location'), dataIndex: 'location', key: 'location' },
                        { title: f('cpuCores'), dataIndex: 'cpuCores', key: 'cpu', render: (v: number | null) => v ?? '—' },
                        { title: f('commissionedOn'), dataIndex: 'commissionedOn', key: 'on', render: formatDate },
                      ]}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={`${f('projects')} / ${f('factories')}`} size="small">
                    <Flex vertical gap={8}>
                      <Space wrap>
                        {network.projects.length === 0 && <Typography.Text type="secondary">{t('networks.noLinks')}</Typography.Text>}
                        {network.projects.map((p) => (
                          <Link key={p.id} to={`/programme/projects/${p.id}`}>
                            {p.code} {p.title}
                          </Link>
                        ))}
                      </Space>
                      <Space wrap>
                        {network.factories.map((x) => (
                          <Link key={x.id} to={`/programme/factories/${x.id}`}>
                            {x.name}
                          </Link>
                        ))}
                      </Space>
                    </Flex>
                  </Card>
                </Col>
              </Row>
            ),
          },
          { key: 'devices', label: t('telemetry.devicesTab'), children: <DevicesPanel networkId={network.id} /> },
        ]}
      />
      <NetworkFormDrawer
        mode={editing ? { type: 'edit', network } : null}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Flex>
  );
}
