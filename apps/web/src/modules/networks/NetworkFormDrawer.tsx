import { type CreateNetwork, NETWORK_BANDS, NETWORK_MODES, type Network, UPF_LOCATIONS, type UpdateNetwork } from '@suilian/contracts';
import { App, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { useMe } from '../../session/auth';
import { ApiErrorAlert, applyFormErrors, errorText } from '../../shared/errors';
import { DATE_FORMAT } from '../../shared/format';
import { RecordDrawer } from '../../shared/frame/RecordDrawer';
import { OrgSelect } from '../../shared/OrgSelect';
import { useFactories } from '../factories/hooks';
import { useProjects } from '../projects/hooks';
import { useCreateNetwork, useUpdateNetwork } from './hooks';
import { EdgeNodesField, OperatorPicker, SitesField, SlicesField } from './NetworkFormParts';

interface NodeValues {
  name?: string;
  location?: string;
  cpuCores?: number | null;
  memoryGb?: number | null;
  gpuCount?: number | null;
  commissionedOn?: Dayjs | null;
}
interface Values {
  enterpriseId?: string;
  operatorId?: string;
  name?: string;
  mode?: Network['mode'];
  bands?: Network['bands'];
  upfLocation?: Network['upfLocation'];
  state?: 'planned' | 'building' | 'in_service';
  inServiceOn?: Dayjs | null;
  contractStart?: Dayjs | null;
  contractEnd?: Dayjs | null;
  sites?: Array<{ districtId?: string; address?: string; longitude?: number | null; latitude?: number | null }>;
  slices?: Array<{ name?: string; sst?: number; sd?: string | null; fiveQi?: number }>;
  edgeNodes?: NodeValues[];
  projectIds?: string[];
  factoryIds?: string[];
}

export type NetworkFormMode = { type: 'create' } | { type: 'edit'; network: Network };

const iso = (d: Dayjs | null | undefined) => (d ? d.format(DATE_FORMAT) : null);
const day = (s: string | null) => (s ? dayjs(s) : null);
const ALL = { page: 1, pageSize: 200, sort: '-updatedAt' };

/** The enterprise's own projects and 5G factories, to link. */
function LinkPicker({
  kind,
  enterpriseId,
  value,
  onChange,
}: {
  kind: 'projects' | 'factories';
  enterpriseId?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const projects = useProjects(ALL, { enterpriseId }, kind === 'projects' && enterpriseId !== undefined);
  const factories = useFactories({ ...ALL, sort: 'name' } as never, { enterpriseId }, kind === 'factories' && enterpriseId !== undefined);
  const options =
    kind === 'projects'
      ? (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))
      : (factories.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }));
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={!enterpriseId}
      placeholder={enterpriseId ? undefined : t('networks.selectEnterpriseFirst')}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

/** Register or edit a private network (operators; city administrators name the operator). */
export function NetworkFormDrawer({
  mode,
  onClose,
  onSaved,
}: {
  mode: NetworkFormMode | null;
  onClose(): void;
  onSaved(n: Network): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateNetwork();
  const update = useUpdateNetwork();
  const editing = mode?.type === 'edit' ? mode.network : undefined;
  const chosenEnterprise = Form.useWatch('enterpriseId', form);
  const state = Form.useWatch('state', form) ?? editing?.state;
  const enterpriseId = editing?.enterpriseId ?? chosenEnterprise;
  const ownOperator = me.orgKind === 'provider';
  const required = (label: string) => ({ required: true, message: t('rules.requiredSelect', { field: label }) });

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'STALE_VERSION') {
      void message.warning(errorText(t, error));
      close();
      return;
    }
    applyFormErrors(form, error, t);
  };

  const submit = (v: Values) => {
    const served = (editing?.state ?? v.state) === 'in_service' || editing?.state === 'retired';
    const fields = {
      name: (v.name ?? '').trim(),
      mode: v.mode ?? 'virtual',
      bands: v.bands ?? [],
      upfLocation: v.upfLocation ?? 'operator_edge',
      contractStart: iso(v.contractStart),
      contractEnd: iso(v.contractEnd),
      inServiceOn: served ? iso(v.inServiceOn) : null,
      sites: (v.sites ?? []).map((s) => ({
        districtId: s.districtId ?? '',
        address: (s.address ?? '').trim(),
        longitude: s.longitude ?? null,
        latitude: s.latitude ?? null,
      })),
      slices: (v.slices ?? []).map((s) => ({
        name: (s.name ?? '').trim(),
        sst: Number(s.sst),
        sd: s.sd ? s.sd.trim() : null,
        fiveQi: Number(s.fiveQi),
      })),
      edgeNodes: (v.edgeNodes ?? []).map((n) => ({
        name: (n.name ?? '').trim(),
        location: (n.location ?? '').trim(),
        cpuCores: n.cpuCores ?? null,
        memoryGb: n.memoryGb ?? null,
        gpuCount: n.gpuCount ?? null,
        commissionedOn: iso(n.commissionedOn),
      })),
      projectIds: v.projectIds ?? [],
      factoryIds: v.factoryIds ?? [],
    };
    if (editing) {
      const body: UpdateNetwork = { version: editing.version, ...fields };
      update.mutate(
        { id: editing.id, body },
        {
          onSuccess: (n) => {
            void message.success(t('common.saved'));
            onSaved(n);
          },
          onError,
        },
      );
      return;
    }
    const body: CreateNetwork = {
      ...fields,
      enterpriseId: v.enterpriseId ?? '',
      operatorId: ownOperator ? undefined : v.operatorId,
      state: v.state ?? 'planned',
    };
    create.mutate(body, {
      onSuccess: (n) => {
        void message.success(t('networks.created', { name: n.name }));
        create.reset();
        onSaved(n);
      },
      onError,
    });
  };

  const initial: Values = editing
    ? {
        name: editing.name,
        mode: editing.mode,
        bands: editing.bands,
        upfLocation: editing.upfLocation,
        inServiceOn: day(editing.inServiceOn),
        contractStart: day(editing.contractStart),
        contractEnd: day(editing.contractEnd),
        sites: editing.sites.map((s) => ({ districtId: s.districtId, address: s.address, longitude: s.longitude, latitude: s.latitude })),
        slices: editing.slices.map((s) => ({ name: s.name, sst: s.sst, sd: s.sd, fiveQi: s.fiveQi })),
        edgeNodes: editing.edgeNodes.map((n) => ({ ...n, commissionedOn: day(n.commissionedOn) })),
        projectIds: editing.projects.map((p) => p.id),
        factoryIds: editing.factories.map((f) => f.id),
      }
    : {
        mode: 'virtual',
        bands: ['n78'],
        upfLocation: 'operator_edge',
        state: 'planned',
        sites: [{}],
        slices: [],
        edgeNodes: [],
        projectIds: [],
        factoryIds: [],
      };

  const error = editing ? update.error : create.error;
  return (
    <RecordDrawer
      open={mode !== null}
      onClose={close}
      title={editing ? `${t('networks.editTitle')} · ${editing.name}` : t('networks.createTitle')}
      size={900}
      testId="network-form-drawer"
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
      submitTestId="network-form-submit"
    >
      {error && <ApiErrorAlert error={error} showReason style={{ marginBottom: 16 }} />}
      {mode && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
          <Row gutter={16}>
            <Col span={12}>
              {editing ? (
                <Form.Item label={t('networks.fields.enterprise')}>
                  <Typography.Text>{editing.enterpriseName}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item name="enterpriseId" label={t('networks.fields.enterprise')} rules={[required(t('networks.fields.enterprise'))]}>
                  <OrgSelect kinds={['enterprise']} data-testid="network-enterprise" />
                </Form.Item>
              )}
            </Col>
            <Col span={12}>
              {editing || ownOperator ? (
                <Form.Item label={t('networks.fields.operator')}>
                  <Typography.Text>{editing?.operatorName ?? me.orgName}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item name="operatorId" label={t('networks.fields.operator')} rules={[required(t('networks.fields.operator'))]}>
                  <OperatorPicker data-testid="network-operator" />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Form.Item
            name="name"
            label={t('fields.name')}
            rules={[{ required: true, whitespace: true, message: t('rules.required', { field: t('fields.name') }) }, { max: 200 }]}
          >
            <Input data-testid="network-name" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name="mode" label={t('networks.fields.mode')} rules={[required(t('networks.fields.mode'))]}>
                <Radio.Group optionType="button" options={NETWORK_MODES.map((m) => ({ value: m, label: t(`networkModes.${m}`) }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="bands" label={t('networks.fields.bands')} rules={[required(t('networks.fields.bands'))]}>
                <Select mode="multiple" options={NETWORK_BANDS.map((b) => ({ value: b, label: b }))} data-testid="network-bands" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="upfLocation" label={t('networks.fields.upfLocation')}>
                <Radio.Group optionType="button" options={UPF_LOCATIONS.map((u) => ({ value: u, label: t(`networks.upf.${u}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            {!editing && (
              <Col span={9}>
                <Form.Item name="state" label={t('networks.fields.state')}>
                  <Radio.Group
                    optionType="button"
                    options={(['planned', 'building', 'in_service'] as const).map((s) => ({ value: s, label: t(`networks.states.${s}`) }))}
                    data-testid="network-state"
                  />
                </Form.Item>
              </Col>
            )}
            {(state === 'in_service' || state === 'retired') && (
              <Col span={5}>
                <Form.Item
                  name="inServiceOn"
                  label={t('networks.fields.inServiceOn')}
                  rules={[{ required: true, message: t('networks.inServiceRequired') }]}
                >
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="network-inServiceOn" />
                </Form.Item>
              </Col>
            )}
            <Col span={5}>
              <Form.Item name="contractStart" label={t('networks.fields.contractStart')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="contractEnd" label={t('networks.fields.contractEnd')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('networks.fields.sites')}</Divider>
          <SitesField />
          <Divider titlePlacement="start">{t('networks.fields.slices')}</Divider>
          <SlicesField />
          <Divider titlePlacement="start">{t('networks.fields.edgeNodes')}</Divider>
          <EdgeNodesField />
          <Divider />
          <Form.Item name="projectIds" label={t('networks.fields.projects')}>
            <LinkPicker kind="projects" enterpriseId={enterpriseId} />
          </Form.Item>
          <Form.Item name="factoryIds" label={t('networks.fields.factories')}>
            <LinkPicker kind="factories" enterpriseId={enterpriseId} />
          </Form.Item>
        </Form>
      )}
    </RecordDrawer>
  );
}
