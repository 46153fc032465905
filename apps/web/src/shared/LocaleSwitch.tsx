import { GlobalOutlined } from '@ant-design/icons';
import { LOCALES, type Locale } from '@suilian/contracts';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../session/locale';

/** Language switch (简体中文 / English); the choice persists in this browser and in the profile. */
export function LocaleSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: <span data-testid={`locale-${l}`}>{t(`locale.${l}`)}</span> })),
        onClick: ({ key }) => void setLocale(key as Locale),
      }}
    >
      <Button type={type} icon={<GlobalOutlined />} data-testid="locale-switch" aria-label={t('locale.label')}>
        {t(`locale.${locale}`)}
      </Button>
    </Dropdown>
  );
}
