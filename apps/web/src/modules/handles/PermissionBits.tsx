import { LockOutlined } from '@ant-design/icons';
import { Checkbox, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { bitsOfFlags, DEFAULT_PERMISSIONS, flagsOfBits, PERMISSION_FLAGS } from './logic';

interface Props {
  /** `1110`: admin read, admin write, public read, public write. */
  value?: string;
  onChange?(bits: string): void;
  disabled?: boolean;
  'data-testid'?: string;
}

/** A value's four permission bits (RFC 3651) as four check boxes; a form control over the `1110` string. */
export function PermissionBits({ value = DEFAULT_PERMISSIONS, onChange, disabled, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('handles.perm.hint', { bits: value })}>
      <Checkbox.Group
        value={flagsOfBits(value)}
        onChange={(flags) => onChange?.(bitsOfFlags(flags.map(String)))}
        disabled={disabled}
        options={PERMISSION_FLAGS.map((flag) => ({ value: flag, label: t(`handles.perm.${flag}`) }))}
        data-testid={rest['data-testid']}
      />
    </Tooltip>
  );
}

/** The bits as read-only text for tables: `1100`, with 非公开 when the public cannot read the value. */
export function PermissionTag({ bits }: { bits: string }) {
  const { t } = useTranslation();
  const flags = flagsOfBits(bits);
  const title = PERMISSION_FLAGS.map((f) => `${t(`handles.perm.${f}`)} ${flags.includes(f) ? '✓' : '✗'}`).join(' · ');
  return (
    <Tooltip title={title}>
      <Space size={4}>
        <Tag data-testid="perm-bits">{bits}</Tag>
        {!flags.includes('publicRead') && (
          <Tag color="orange" icon={<LockOutlined />}>
            {t('handles.perm.notPublic')}
          </Tag>
        )}
      </Space>
    </Tooltip>
  );
}
