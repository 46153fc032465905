import { Checkbox, Tooltip } from 'antd';
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
