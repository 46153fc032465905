import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { API, checkSlice, STANDARD_5QI } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, type FormRule, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/endpoints';
import { DistrictSelect } from '../../shared/districts';

/** The telecom operators of the provider directory (the reference operators and the demo ones). */
export function OperatorPicker({ value, onChange, ...rest }: { value?: string; onChange?: (id?: string) => void; 'data-testid'?: string }) {
  const { data, isFetching } = useQuery({
    queryKey: ['organisations', 'provider-directory'],
    queryFn: () => call(API.listProviderDirectory),
    staleTime: 5 * 60_000,
  });
  const options = (data ?? []).filter((p) => p.providerType === 'operator').map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      loading={isFetching}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** Every standardized 5QI with its resource type and delay budget (TS 23.501 Table 5.7.4-1). */
function FiveQiSelect(props: { value?: number; onChange?: (v: number) => void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={STANDARD_5QI.map((q) => ({
        value: q.value,
        label: t('networks.fiveQiOption', { value: q.value, type: t(`networks.resourceTypes.${q.resourceType}`), ms: q.delayBudgetMs }),
      }))}
    />
  );
}

/** The sites, each with its district and address (coordinates optional). */
export function SitesField() {
  const { t } = useTranslation();
  const required: FormRule = { required: true, message: t('rules.required', { field: t('networks.fields.address') }) };
  return (
    <Form.List name="sites">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'districtId']}
                  rules={[{ required: true, message: t('rules.requiredSelect', { field: t('networks.fields.siteDistrict') }) }]}
                >
                  <DistrictSelect placeholder={t('networks.fields.siteDistrict')} data-testid={`network-site-district-${i}`} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name={[field.name, 'address']} rules={[required, { max: 256 }]}>
                  <Input placeholder={t('networks.fields.address')} data-testid={`network-site-address-${i}`} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'longitude']}>
                  <InputNumber min={73} max={136} step={0.0001} placeholder={t('networks.fields.longitude')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'latitude']}>
                  <InputNumber min={3} max={54} step={0.0001} placeholder={t('networks.fields.latitude')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('networks.remove')}
                  onClick={() => remove(field.name)}
                  disabled={fields.length === 1}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('networks.addSite')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The slices: name, SST, optional SD and the 5QI, checked with the contracts' rule as typed. */
export function SlicesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="slices">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={7}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, message: t('rules.required', { field: t('networks.fields.sliceName') }) }]}
                >
                  <Input placeholder={t('networks.fields.sliceName')} data-testid={`network-slice-name-${i}`} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item
                  name={[field.name, 'sst']}
                  rules={[
                    {
                      validator: async (_r, value: unknown) => {
                        const problem = checkSlice({ sst: Number(value), fiveQi: 1 });
                        if (problem?.field === 'sst') throw new Error(t(`networks.sliceRules.${problem.rule}`));
                      },
                    },
                  ]}
                >
                  <InputNumber placeholder={t('networks.fields.sst')} style={{ width: '100%' }} data-testid={`network-slice-sst-${i}`} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'sd']}
                  rules={[
                    {
                      validator: async (_r, value: unknown) => {
                        const problem = checkSlice({ sst: 1, sd: value ? String(value) : null, fiveQi: 1 });
                        if (problem?.field === 'sd') throw new Error(t(`networks.sliceRules.${problem.rule}`));
                      },
                    },
                  ]}
                >
                  <Input placeholder="SD" maxLength={6} data-testid={`network-slice-sd-${i}`} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'fiveQi']} rules={[{ required: true, message: t('networks.sliceRules.five_qi_standard') }]}>
                  <FiveQiSelect data-testid={`network-slice-5qi-${i}`} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('networks.remove')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ sst: 1 })} block data-testid="network-add-slice">
            {t('networks.addSlice')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The edge computing nodes: name, location, capacity and the day it went into operation. */
export function EdgeNodesField() {
  const { t } = useTranslation();
  return (
    <Form.List name="edgeNodes">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, message: t('rules.required', { field: t('networks.fields.nodeName') }) }]}
                >
                  <Input placeholder={t('networks.fields.nodeName')} data-testid={`network-node-name-${i}`} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name={[field.name, 'location']}
                  rules={[{ required: true, message: t('rules.required', { field: t('networks.fields.location') }) }]}
                >
                  <Input placeholder={t('networks.fields.location')} data-testid={`network-node-location-${i}`} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[field.name, 'cpuCores']}>
                  <InputNumber min={1} placeholder={t('networks.fields.cpuCores')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[field.name, 'memoryGb']}>
                  <InputNumber min={1} placeholder={t('networks.fields.memoryGb')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Form.Item name={[field.name, 'gpuCount']}>
                  <InputNumber min={0} placeholder={t('networks.fields.gpuCount')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'commissionedOn']}>
                  <DatePicker placeholder={t('networks.fields.commissionedOn')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('networks.remove')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="network-add-node">
            {t('networks.addNode')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
