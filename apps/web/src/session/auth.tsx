import { API, type Login, type Me, type Permission } from '@suilian/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { call } from '../api/endpoints';
import { ApiError, setCsrfToken } from '../api/http';
import { ME_KEY } from './queryClient';

/** The caller (API.getMe); null when not logged in. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(API.getMe);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

interface AuthContextValue {
  me: Me | null;
  loading: boolean;
  error: unknown;
  login(input: Login): Promise<Me>;
  logout(): Promise<void>;
  /** Replaces the cached Me (after a profile change), keeping the CSRF token if the answer lacks it. */
  setMe(me: Me): void;
  refresh(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
  const me = query.data ?? null;

  const setMe = useCallback(
    (next: Me) => {
      const previous = client.getQueryData<Me | null>(ME_KEY);
      const csrf = next.csrfToken ?? previous?.csrfToken;
      if (next.csrfToken) setCsrfToken(next.csrfToken);
      client.setQueryData(ME_KEY, { ...next, csrfToken: csrf });
    },
    [client],
  );

  const login = useCallback(
    async (input: Login) => {
      const next = await call(API.login, { body: input });
      setCsrfToken(next.csrfToken);
      // Data cached for a previous user must not leak into this session.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      client.setQueryData(ME_KEY, next);
      return next;
    },
    [client],
  );

  const logout = useCallback(async () => {
    try {
      await call(API.logout);
    } catch {
      // the session is gone either way; forget it locally
    }
    setCsrfToken(null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    client.setQueryData(ME_KEY, null);
  }, [client]);

  const refresh = useCallback(async () => {
    await client.invalidateQueries({ queryKey: ME_KEY });
  }, [client]);

  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      loading: query.isPending,
      error: query.error,
      login,
      logout,
      setMe,
      refresh,
      can: (permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, query.isPending, query.error, login, logout, setMe, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The logged-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
