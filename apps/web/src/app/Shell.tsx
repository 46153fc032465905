import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Layout, Menu, type MenuProps, Space, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { useAuth, useMe } from '../session/auth';
import { ChartScopeContext } from '../shared/charts/EChart';
import { LocaleSwitch } from '../shared/LocaleSwitch';
import { Breadcrumbs } from './Breadcrumbs';
import { GlobalSearch } from './GlobalSearch';
import { FullPageSpin } from './guards';
import { allows, MENU, type MenuGroup, PROFILE_PAGE, pagesOf, WORKBENCH_PAGE } from './menu';

const { Header, Sider, Content } = Layout;

/** The key of the menu item for the current path (the longest page path it starts with). */
function selectedKey(pathname: string, paths: string[]): string | undefined {
  return paths.filter((p) => pathname === p || pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
}

/** ProLayout-style shell: side menu by system, header with user, language and logout. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const { items, paths } = useMemo(() => {
    const paths: string[] = [WORKBENCH_PAGE.path, PROFILE_PAGE.path];
    type Item = NonNullable<MenuProps['items']>[number];
    const build = (group: MenuGroup): Item | null => {
      const pages = group.pages.filter((p) => allows(me.permissions, p.permission));
      const groups = (group.groups ?? []).map(build).filter((g): g is Item => g !== null);
      if (pages.length === 0 && groups.length === 0) return null;
      paths.push(...pages.map((p) => p.path));
      return {
        key: group.key,
        icon: group.icon,
        label: t(`menu.${group.label}`),
        children: [...pages.map((p) => ({ key: p.path, icon: p.icon, label: t(`menu.${p.label}`) })), ...groups],
      };
    };
    const items: Item[] = [
      { key: WORKBENCH_PAGE.path, icon: WORKBENCH_PAGE.icon, label: t(`menu.${WORKBENCH_PAGE.label}`) },
      ...MENU.map(build).filter((g): g is Item => g !== null),
    ];
    items.push({ key: PROFILE_PAGE.path, icon: PROFILE_PAGE.icon, label: t(`menu.${PROFILE_PAGE.label}`) });
    return { items, paths };
  }, [me.permissions, t]);
  // Top-level systems open; a sub-group only when the current page is in it.
  const [openKeys] = useState(() => [
    ...MENU.map((g) => g.key),
    ...MENU.flatMap((g) => g.groups ?? [])
      .filter((g) => pagesOf(g).some((p) => location.pathname.startsWith(p.path)))
      .map((g) => g.key),
  ]);

  const onLogout = async () => {
    await logout();
    void message.success(t('header.loggedOut'));
    navigate('/login', { replace: true });
  };

  const current = selectedKey(location.pathname, paths);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The sider stays put and its menu scrolls on its own (#12 item 7); the page scrolls beside it. */}
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        theme="dark"
        data-testid="side-menu"
        style={{ position: 'sticky', top: 0, height: '100vh', alignSelf: 'flex-start' }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 48px)' }}>
          <div
            style={{
              height: 56,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              color: '#fff',
              fontWeight: 600,
              fontSize: collapsed ? 16 : 18,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
            }}
            data-testid="app-name"
          >
            {collapsed ? '穗联' : t('app.name')}
          </div>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={current ? [current] : []}
            defaultOpenKeys={openKeys}
            onClick={({ key }) => navigate(key)}
            style={{ flex: 1, overflowY: 'auto', overflowX: 'hidden' }}
            data-testid="side-menu-scroll"
          />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            // antd's 64px line height would stretch the search box and push the names off centre.
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text type="secondary" ellipsis style={{ minWidth: 0, marginRight: 16 }}>
            {t('app.subtitle')}
          </Typography.Text>
          <Space size="middle" style={{ flex: 'none' }}>
            <GlobalSearch />
            {/* One line whatever the names' length: long organisation names are cut with a tooltip. */}
            <Space size={8} data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text strong ellipsis={{ tooltip: me.displayName }} style={{ maxWidth: 140 }}>
                {me.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis={{ tooltip: me.orgName }} style={{ maxWidth: 200 }}>
                {me.orgName}
              </Typography.Text>
            </Space>
            <NotificationBell />
            <LocaleSwitch />
            <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Breadcrumbs />
          <ChartScopeContext.Provider value={me.orgName}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ChartScopeContext.Provider>
        </Content>
      </Layout>
    </Layout>
  );
}
