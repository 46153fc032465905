import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { breadcrumbTrail } from './breadcrumb-trail';
import { MENU, PROFILE_PAGE } from './menu';

/** Where the user is, from the menu tree: system › group › page (› 详情 below a list). */
export function Breadcrumbs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { crumbs, detail } = breadcrumbTrail(pathname, MENU, [PROFILE_PAGE]);
  if (crumbs.length === 0) return null;
  const items = [
    { key: 'home', title: <Link to="/">{t('details.breadcrumb.home')}</Link> },
    ...crumbs.map((c, i) => ({
      key: `${c.label}-${i}`,
      title: c.path && (detail || i < crumbs.length - 1) ? <Link to={c.path}>{t(`menu.${c.label}`)}</Link> : t(`menu.${c.label}`),
    })),
    ...(detail ? [{ key: 'detail', title: t('details.breadcrumb.detail') }] : []),
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 16 }} data-testid="breadcrumbs" />;
}
