import i18next, { type i18n } from 'i18next';
import enUS from './en-US';
import zhCN from './zh-CN';

/** An i18next instance with both consoles' messages, for unit tests of localised text. */
export async function createTestI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
