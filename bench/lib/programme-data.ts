/** The programme's bench set: enterprises spread over the 11 districts and their "5G+工业互联网" projects. */
import type pg from 'pg';

/** Inserts `enterprises` enterprises (with profiles) and `projects` projects with two scenarios each. */
export async function loadProgrammeSet(
  raw: pg.Client,
  { enterprises, projects }: { enterprises: number; projects: number },
): Promise<void> {
  await raw.query(
    `
    INSERT INTO organisation (id, kind, parent_id, district_id, name, credit_code, created_at, updated_at)
    SELECT gen_random_uuid(), 'enterprise', d.id, d.id,
           '广州' || n || (ARRAY['智能装备','汽车零部件','显示面板','生物医药','定制家居'])[n % 5 + 1] || '有限公司',
           'BENCH' || n, now(), now()
      FROM generate_series(1, $1::int) n
      JOIN (SELECT id, row_number() OVER (ORDER BY division_code) - 1 AS k FROM organisation WHERE kind = 'district') d ON d.k = n % 11`,
    [enterprises],
  );
  await raw.query(`
    INSERT INTO enterprise_profile (org_id, cluster_code, above_scale)
    SELECT id, (ARRAY['ICV_NEV','SMART_EQUIPMENT','NEW_DISPLAY','BIOMED','CUSTOM_HOME'])[abs(hashtext(id::text)) % 5 + 1], true
      FROM organisation WHERE kind = 'enterprise'`);
  await raw.query(
    `
    WITH e AS (SELECT id, district_id, row_number() OVER (ORDER BY id) AS k FROM organisation WHERE kind = 'enterprise')
    INSERT INTO project (id, code, title, description, enterprise_id, district_id, state, created_at, updated_at)
    SELECT gen_random_uuid(), 'B' || n,
           (ARRAY['基于5G的机器视觉质检项目','5G+柔性生产制造改造','5G全连接工厂建设项目','厂区智能物流5G专网项目','5G+设备预测维护示范应用','5G远程设备操控项目','5G+AR现场辅助装配'])[n % 7 + 1] || '（' || n || '）',
           '在生产车间部署5G网络开展' || (ARRAY['无人智能巡检','生产现场监测','设备故障诊断','协同研发设计'])[n % 4 + 1] || '等应用',
           e.id, e.district_id,
           (ARRAY['draft','submitted','city_review','approved','under_construction','under_construction','built','accepted','returned','cancelled'])[n % 10 + 1],
           now() - (n % 700) * interval '1 day', now()
      FROM generate_series(1, $1::int) n JOIN e ON e.k = (n % $2::int) + 1`,
    [projects, enterprises],
  );
  await raw.query(`
    INSERT INTO project_scenario (project_id, position, scenario_code, category)
    SELECT id, p, (ARRAY['S01','S04','S06','S08','S09','S10','S16'])[abs(hashtext(id::text || p)) % 7 + 1], 'main_production'
      FROM project, generate_series(0, 1) p`);
}
