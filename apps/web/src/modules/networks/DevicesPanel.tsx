import type { Alarm, Device } from '@suilian/contracts';
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../session/auth';
import EChart from '../../shared/charts/EChart';
import { ApiErrorAlert, useNotifyError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { DeviceRegisterDrawer } from './DeviceRegisterDrawer';
import { useAcknowledgeAlarm, useDeviceSeries, useNetworkAlarms, useNetworkDevices } from './hooks';

const ALARM_COLOURS = { active: 'red', acknowledged: 'orange', cleared: 'default' } as const;

/** The last hour of one device, one line per metric (1-minute averages from the rollup), refreshing. */
function DeviceChart({ device }: { device: Device }) {
  const { t } = useTranslation();
  const { data, error } = useDeviceSeries(device.id);
  if (error) return <ApiErrorAlert error={error} />;
  const series = data?.series ?? [];
  if (data && series.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetry.noData')} />;
  return (
    <EChart
      testId="device-chart"
      label={t('telemetry.chartTitle', { name: device.name })}
      height={280}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 32, bottom: 32 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', scale: true },
        series: series.map((s) => ({
          name: s.metric,
          type: 'line',
          showSymbol: false,
          data: s.points.map((p) => [p.t, Number(p.avg.toFixed(3))]),
        })),
      }}
    />
  );
}

/** The network's 设备 tab: devices (registration with the one-time secret), a live chart per device, alarms. */
export function DevicesPanel({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notifyError = useNotifyError();
  const devices = useNetworkDevices(networkId);
  const alarms = useNetworkAlarms(networkId);
  const acknowledge = useAcknowledgeAlarm(networkId);
  const [registering, setRegistering] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const items = devices.data?.items ?? [];
  const selected = items.find((d) => d.id === selectedId) ?? items[0];
  const mayWrite = can('device:write');
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          size="small"
          title={t('telemetry.devices')}
          extra={
            mayWrite && (
              <Button type="primary" onClick={() => setRegistering(true)} data-testid="device-register-open">
                {t('telemetry.register')}
              </Button>
            )
          }
        >
          {devices.error && <ApiErrorAlert error={devices.error} />}
          <Table<Device>
            rowKey="id"
            size="small"
            loading={devices.isPending}
            dataSource={items}
            pagination={false}
            onRow={(d) => ({ onClick: () => setSelectedId(d.id), style: { cursor: 'pointer' } })}
            rowClassName={(d) => (d.id === selected?.id ? 'ant-table-row-selected' : '')}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetry.noDevices')} /> }}
            columns={[
              {
                title: t('telemetry.fields.deviceKey'),
                dataIndex: 'deviceKey',
                key: 'key',
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              { title: t('telemetry.fields.name'), dataIndex: 'name', key: 'name' },
              {
                title: t('telemetry.fields.kind'),
                dataIndex: 'kind',
                key: 'kind',
                render: (k: Device['kind']) => t(`telemetry.kinds.${k}`),
              },
              {
                title: t('telemetry.fields.status'),
                key: 'status',
                render: (_v, d) =>
                  d.inactive ? (
                    <Tag color="red">{t('telemetry.inactive')}</Tag>
                  ) : d.lastSeenAt ? (
                    <Tag color="green">{t('telemetry.online')}</Tag>
                  ) : (
                    <Tag>{t('telemetry.neverSeen')}</Tag>
                  ),
              },
              {
                title: t('telemetry.fields.lastSeenAt'),
                dataIndex: 'lastSeenAt',
                key: 'seen',
                render: (v: string | null) => formatDateTime(v),
              },
              { title: t('telemetry.fields.rejected'), dataIndex: 'rejected', key: 'rejected' },
            ]}
            data-testid="network-devices"
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={selected ? t('telemetry.chartTitle', { name: selected.name }) : t('telemetry.chartHint')}>
          {selected ? (
            <DeviceChart device={selected} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetry.noDevices')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('telemetry.alarms')}>
          {alarms.error && <ApiErrorAlert error={alarms.error} />}
          <Table<Alarm>
            rowKey="id"
            size="small"
            loading={alarms.isPending}
            dataSource={alarms.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telemetry.noAlarms')} /> }}
            columns={[
              { title: t('telemetry.alarmFields.device'), dataIndex: 'deviceName', key: 'device' },
              {
                title: t('telemetry.alarmFields.type'),
                dataIndex: 'type',
                key: 'type',
                render: (v: Alarm['type'], a) =>
                  a.metric ? `${t(`telemetry.alarmTypes.${v}`)} · ${a.metric}` : t(`telemetry.alarmTypes.${v}`),
              },
              {
                title: t('telemetry.alarmFields.state'),
                key: 'state',
                render: (_v, a) => (
                  <Space size={4}>
                    <Tag color={ALARM_COLOURS[a.state]}>{t(`telemetry.alarmStates.${a.state}`)}</Tag>
                    <Tag>{t(`telemetry.severities.${a.severity}`)}</Tag>
                  </Space>
                ),
              },
              {
                title: t('telemetry.alarmFields.raisedAt'),
                dataIndex: 'raisedAt',
                key: 'raised',
                render: (v: string) => formatDateTime(v),
              },
              {
                key: 'actions',
                render: (_v, a) =>
                  mayWrite && a.state === 'active' ? (
                    <Button size="small" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(a.id, { onError: notifyError })}>
                      {t('telemetry.acknowledge')}
                    </Button>
                  ) : null,
              },
            ]}
            data-testid="network-alarms"
          />
        </Card>
      </Col>
      <DeviceRegisterDrawer networkId={networkId} open={registering} onClose={() => setRegistering(false)} />
    </Row>
  );
}
