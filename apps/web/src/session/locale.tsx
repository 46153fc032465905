import { API, type Locale } from '@suilian/contracts';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api/endpoints';
import { applyLocale, storedLocale } from '../i18n/setup';
import { useAuth } from './auth';

interface LocaleContextValue {
  locale: Locale;
  /** Switches the UI language; when logged in also saves it to the profile. */
  setLocale(locale: Locale): Promise<void>;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

const theme = { token: { colorPrimary: '#1456c8', borderRadius: 6 } };

export function LocaleProvider({ children }: { children: ReactNode }) {
  const { me, setMe } = useAuth();
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const syncedUser = useRef<string | null>(null);

  // After login (or on load with a session) the user's saved locale wins over this browser's.
  useEffect(() => {
    if (!me) {
      syncedUser.current = null;
      return;
    }
    if (syncedUser.current === me.id) return;
    syncedUser.current = me.id;
    if (me.locale !== locale) {
      applyLocale(me.locale);
      setLocaleState(me.locale);
    }
  }, [me, locale]);

  const setLocale = useCallback(
    async (next: Locale) => {
      applyLocale(next);
      setLocaleState(next);
      if (!me || me.locale === next || me.mustChangePassword || me.via !== 'session') return;
      try {
        const saved = await call(API.updateMe, { body: { version: me.version, locale: next } });
        setMe(saved);
      } catch (error) {
        // The language still switches locally; the profile keeps the old one.
        console.warn('saving the locale to the profile failed', error);
      }
    },
    [me, setMe],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
