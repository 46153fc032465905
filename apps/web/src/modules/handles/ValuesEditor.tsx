import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_VALUE_PERMISSIONS, DEFAULT_VALUE_TTL } from '@suilian/contracts';
import { Button, Form, Input, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { PermissionBits } from './PermissionBits';

const FORMATS = ['string', 'base64', 'hex'] as const;

/** 标识值: index, type, data with its format, TTL and the four permission bits of every raw value. */
export function ValuesEditor({ name = 'values' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            scroll={{ x: 'max-content' }}
            data-testid="values-editor"
            columns={[
              {
                title: t('handles.value.index'),
                width: 100,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'index']} noStyle rules={[{ required: true }]}>
                    <InputNumber min={1} max={1999} style={{ width: 90 }} />
                  </Form.Item>
                ),
              },
              {
                title: t('handles.value.type'),
                width: 150,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'type']} noStyle rules={[{ required: true, whitespace: true }]}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                ),
              },
              {
                title: t('handles.value.format'),
                width: 110,
                render: (_, field) => (
                  <Form.Item shouldUpdate noStyle>
                    {({ getFieldValue }) => (
                      <Form.Item name={[field.name, 'format']} noStyle>
                        <Select
                          disabled={getFieldValue([name, field.name, 'format']) === 'admin'}
                          options={[...FORMATS, 'admin'].map((f) => ({ value: f, label: f, disabled: f === 'admin' }))}
                          style={{ width: 100 }}
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                ),
              },
              {
                title: t('handles.value.data'),
                render: (_, field) => (
                  <Form.Item shouldUpdate noStyle>
                    {({ getFieldValue }) => (
                      <Form.Item name={[field.name, 'data']} noStyle>
                        <Input style={{ minWidth: 220 }} disabled={getFieldValue([name, field.name, 'format']) === 'admin'} />
                      </Form.Item>
                    )}
                  </Form.Item>
                ),
              },
              {
                title: t('handles.value.ttl'),
                width: 120,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'ttl']} noStyle>
                    <InputNumber min={0} style={{ width: 110 }} />
                  </Form.Item>
                ),
              },
              {
                title: t('handles.value.permissions'),
                width: 380,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'permissions']} noStyle>
                    <PermissionBits data-testid={`value-perm-${field.name}`} />
                  </Form.Item>
                ),
              },
              {
                width: 48,
                render: (_, field) => (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() =>
              add({
                index: undefined,
                type: '',
                format: 'string',
                data: '',
                ttl: DEFAULT_VALUE_TTL,
                permissions: DEFAULT_VALUE_PERMISSIONS,
              })
            }
            data-testid="values-add"
          >
            {t('handles.value.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
